/**
 * One request at a time per provider, as the providers ask (any-show-providers.md §1.4, §6): a minimum interval
 * between requests (TVmaze allows at least 20 calls every 10 s; Wikidata's query service wants one at a time), on a
 * 429 the wait `Retry-After` names (seconds or a date), else 2 s, 4 s, 8 s, and after three retries the provider is
 * "unavailable" for this request. Every request omits credentials and the referrer, and is bounded in time.
 */
export interface ProviderQueueOptions {
  /** Least time between the starts of two requests. */
  minIntervalMs: number;
  maxRetries?: number;
  /** Per request, before it is given up. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class ProviderUnavailableError extends Error {}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds, or an HTTP date, as Retry-After gives them; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 300) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.min(Math.max(0, at - now), 300_000);
}

export function createProviderQueue(options: ProviderQueueOptions) {
  const { minIntervalMs, maxRetries = 3, timeoutMs = 15_000 } = options;
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  let last = Number.NEGATIVE_INFINITY;
  let tail: Promise<unknown> = Promise.resolve();

  async function attempt(url: string): Promise<Response> {
    const wait = last + minIntervalMs - now();
    if (wait > 0) await sleep(wait);
    last = now();
    return doFetch(url, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  }

  async function run(url: string): Promise<Response> {
    for (let retry = 0; ; retry++) {
      const response = await attempt(url);
      if (response.status !== 429 && response.status < 500) return response;
      if (retry >= maxRetries) throw new ProviderUnavailableError(`${new URL(url).host} answered ${response.status}`);
      await sleep(retryAfterMs(response.headers.get('retry-after'), now()) ?? 2000 * 2 ** retry);
    }
  }

  return {
    /** Queues a GET; resolves with the response (404 included: "not found" is an answer), in request order. */
    request(url: string): Promise<Response> {
      const result = tail.then(() => run(url));
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
