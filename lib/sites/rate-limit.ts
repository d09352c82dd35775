/**
 * A sliding-window limit: at most `max` events in any `windowMs`. A page that flips `[data-videoid]` every 50 ms
 * made 15 credentialed metadata requests a second and 5 learned rows a second (review B8); identification and
 * metadata requests now go through one of these per tab.
 */
export interface RateLimit {
  /** Takes a slot if one is free now: true to go ahead. */
  take(): boolean;
  /** Milliseconds until a slot frees up (0 when one is free). */
  wait(): number;
}

export function rateLimit(max: number, windowMs: number, now: () => number = Date.now): RateLimit {
  const times: number[] = [];
  const prune = () => {
    const since = now() - windowMs;
    while (times.length && (times[0] ?? 0) <= since) times.shift();
  };
  return {
    take() {
      prune();
      if (times.length >= max) return false;
      times.push(now());
      return true;
    },
    wait() {
      prune();
      return times.length < max ? 0 : Math.max(0, (times[0] ?? 0) + windowMs - now());
    },
  };
}
