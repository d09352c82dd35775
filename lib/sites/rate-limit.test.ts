import { describe, expect, it } from 'vitest';
import { rateLimit } from './rate-limit';

describe('rateLimit', () => {
  it('allows max events in any window, and says how long to wait for the next', () => {
    let t = 0;
    const limit = rateLimit(3, 1000, () => t);
    expect([limit.take(), limit.take(), limit.take(), limit.take()]).toEqual([true, true, true, false]);
    expect(limit.wait()).toBe(1000);
    t = 999;
    expect(limit.take()).toBe(false);
    t = 1000;
    expect(limit.wait()).toBe(0);
    expect(limit.take()).toBe(true);
  });
});
