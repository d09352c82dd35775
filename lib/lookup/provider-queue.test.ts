import { describe, expect, it, vi } from 'vitest';
import { createProviderQueue, ProviderUnavailableError, retryAfterMs } from './provider-queue';

/** A clock and sleep that only move when the queue waits: every wait is recorded. */
function fakeTime() {
  let t = 1_000_000;
  const waits: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      waits.push(ms);
      t += ms;
    },
    waits,
  };
}
const reply = (status: number, headers: Record<string, string> = {}) => new Response('{}', { status, headers });

describe('the provider queue', () => {
  it('spaces requests by the provider’s interval, one at a time, in order, without credentials or referrer', async () => {
    const time = fakeTime();
    const seen: [string, RequestInit | undefined, number][] = [];
    const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      seen.push([String(url), init, time.now()]);
      return reply(200);
    });
    const queue = createProviderQueue({ minIntervalMs: 500, fetch: fetch as typeof globalThis.fetch, ...time });
    await Promise.all(
      ['https://api.tvmaze.com/a', 'https://api.tvmaze.com/b', 'https://api.tvmaze.com/c'].map((u) => queue.request(u)),
    );
    expect(seen.map(([url]) => url)).toEqual([
      'https://api.tvmaze.com/a',
      'https://api.tvmaze.com/b',
      'https://api.tvmaze.com/c',
    ]);
    const starts = seen.map(([, , at]) => at);
    expect(starts.slice(1).map((at, i) => at - (starts[i] ?? 0))).toEqual([500, 500]);
    expect(time.waits).toEqual([500, 500]);
    expect(seen[0]?.[1]).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
  });

  it('honours Retry-After on a 429, then backs off 2 s, 4 s, and gives up after three retries', async () => {
    const time = fakeTime();
    const statuses = [429, 429, 503, 429];
    const fetch = vi.fn(async () => reply(statuses.shift() ?? 200, statuses.length === 3 ? { 'retry-after': '7' } : {}));
    const queue = createProviderQueue({ minIntervalMs: 0, fetch: fetch as typeof globalThis.fetch, ...time });
    await expect(queue.request('https://query.wikidata.org/sparql')).rejects.toBeInstanceOf(ProviderUnavailableError);
    expect(time.waits).toEqual([7000, 4000, 8000]);
    expect(fetch).toHaveBeenCalledTimes(4);
    // A later request is not blocked by the failed one.
    await expect(queue.request('https://query.wikidata.org/sparql')).resolves.toHaveProperty('status', 200);
  });

  it('waits on real timers (faked here): nothing is sent before Retry-After has passed', async () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const statuses = [429, 200];
      const fetch = vi.fn(async () => reply(statuses.shift() ?? 200, { 'retry-after': '3' }));
      const queue = createProviderQueue({ minIntervalMs: 500, fetch: fetch as typeof globalThis.fetch });
      const answer = queue.request('https://api.tvmaze.com/shows/82');
      await vi.advanceTimersByTimeAsync(2_999);
      expect(fetch).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1);
      await expect(answer).resolves.toHaveProperty('status', 200);
      expect(fetch).toHaveBeenCalledTimes(2);
      // The next request keeps the provider's spacing from the last one.
      const next = queue.request('https://api.tvmaze.com/shows/83');
      await vi.advanceTimersByTimeAsync(499);
      expect(fetch).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(1);
      await next;
      expect(fetch).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers a 404 as an answer, not a failure', async () => {
    const queue = createProviderQueue({
      minIntervalMs: 0,
      fetch: (async () => reply(404)) as typeof globalThis.fetch,
      ...fakeTime(),
    });
    await expect(queue.request('https://api.tvmaze.com/lookup/shows?imdb=tt0')).resolves.toHaveProperty('status', 404);
  });

  it('never holds a request, nor the ones queued behind it, past a minute in a Retry-After storm (review 2, N21)', async () => {
    const time = fakeTime();
    const start = time.now();
    const fetch = vi.fn(async () => reply(429, { 'retry-after': '300' }));
    const queue = createProviderQueue({ minIntervalMs: 500, fetch: fetch as typeof globalThis.fetch, ...time });
    const settled: number[] = [];
    const requests = ['a', 'b', 'c'].map((path) =>
      queue.request(`https://api.tvmaze.com/${path}`).then(
        () => settled.push(time.now() - start),
        (error: unknown) => {
          expect(error).toBeInstanceOf(ProviderUnavailableError);
          settled.push(time.now() - start);
        },
      ),
    );
    await Promise.all(requests);
    expect(settled).toHaveLength(3);
    for (const at of settled) expect(at).toBeLessThanOrEqual(60_000);
    for (const wait of time.waits) expect(wait).toBeLessThanOrEqual(60_000);
  });

  it('reads Retry-After as seconds or a date, bounded to a minute', () => {
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs('99999', 0)).toBe(60_000);
    expect(retryAfterMs(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(retryAfterMs(new Date(600_000).toUTCString(), 0)).toBe(60_000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryAfterMs(null, 0)).toBeUndefined();
  });
});
