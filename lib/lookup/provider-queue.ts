/**
 * One request at a time per provider, as the providers ask (any-show-providers.md §1.4, §6): a minimum interval
 * between requests (TVmaze allows at least 20 calls every 10 s; Wikidata's query service wants one at a time), on a
 * 429 the wait `Retry-After` names (seconds or a date), else 2 s, 4 s, 8 s, and after three retries the provider is
 * "unavailable" for this request. Every request omits credentials and the referrer, and is bounded in time.
 * A provider's waits hold the whole queue (it is one line), so no request is held more than `maxHoldMs` from the
 * moment it was asked, its time in line included: a request that would wait longer fails at once as "unavailable"
 * (security review 2, N21: a Retry-After of 300 s held one request 15 min and every later one behind it).
 */
export interface ProviderQueueOptions {
  /** Least time between the starts of two requests. */
  minIntervalMs: number;
  maxRetries?: number;
  /** Per request, before it is given up. */
  timeoutMs?: number;
  /** The longest a request is held, queued, waiting or fetching, before it fails as unavailable. */
  maxHoldMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class ProviderUnavailableError extends Error {}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** No provider's word keeps a lookup waiting longer than this. */
export const MAX_HOLD_MS = 60_000;

/** Seconds, or an HTTP date, as Retry-After gives them, at most a minute; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_HOLD_MS);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.min(Math.max(0, at - now), MAX_HOLD_MS);
}

export function createProviderQueue(options: ProviderQueueOptions) {
  const { minIntervalMs, maxRetries = 3, timeoutMs = 15_000, maxHoldMs = MAX_HOLD_MS } = options;
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  let last = Number.NEGATIVE_INFINITY;
  let tail: Promise<unknown> = Promise.resolve();

  /** Waits `ms`, unless that would hold the request past its deadline: then it is given up at once. */
  async function waitUntil(ms: number, deadline: number, url: string, why: string): Promise<void> {
    if (now() + ms > deadline) throw new ProviderUnavailableError(`${new URL(url).host} ${why}`);
    if (ms > 0) await sleep(ms);
  }

  async function attempt(url: string, deadline: number): Promise<Response> {
    await waitUntil(last + minIntervalMs - now(), deadline, url, 'is busy');
    last = now();
    return doFetch(url, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(Math.max(1, Math.min(timeoutMs, deadline - now()))),
    });
  }

  async function run(url: string, deadline: number): Promise<Response> {
    for (let retry = 0; ; retry++) {
      const response = await attempt(url, deadline);
      if (response.status !== 429 && response.status < 500) return response;
      const why = `answered ${response.status}`;
      if (retry >= maxRetries) throw new ProviderUnavailableError(`${new URL(url).host} ${why}`);
      await waitUntil(retryAfterMs(response.headers.get('retry-after'), now()) ?? 2000 * 2 ** retry, deadline, url, why);
    }
  }

  return {
    /** Queues a GET; resolves with the response (404 included: "not found" is an answer), in request order. */
    request(url: string): Promise<Response> {
      const deadline = now() + maxHoldMs;
      const result = tail.then(() => run(url, deadline));
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
