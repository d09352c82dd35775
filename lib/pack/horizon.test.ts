import { describe, expect, it } from 'vitest';
import { episodeOrder, isVisible, viewerHorizon } from './horizon';

const order = episodeOrder({
  episodes: [
    { id: 's2e1', season: 2, number: 1 },
    { id: 's1e2', season: 1, number: 2 },
    { id: 's1e1', season: 1, number: 1 },
  ] as never,
  film: { id: 'film' } as never,
});

describe('horizons', () => {
  it('orders episodes by broadcast order with the film last', () => {
    expect([...order.entries()]).toEqual([
      ['s1e1', 1],
      ['s1e2', 2],
      ['s2e1', 3],
      ['film', 4],
    ]);
  });

  it('unlocks a note on either axis', () => {
    const note = { episode: 's2e1', volume: 3 };
    expect(isVisible(note, { episodeOrdinal: 2, volume: 2 }, order)).toBe(false);
    expect(isVisible(note, { episodeOrdinal: 3, volume: 0 }, order)).toBe(true);
    expect(isVisible(note, { episodeOrdinal: 1, volume: 3 }, order)).toBe(true);
    expect(isVisible({ episode: 'nope' }, { episodeOrdinal: 99, volume: 0 }, order)).toBe(false);
  });

  it('takes the later of the current and furthest episodes, never before the premiere', () => {
    expect(viewerHorizon('furthest', 2, 5, 1)).toEqual({ episodeOrdinal: 5, volume: 1 });
    expect(viewerHorizon('current', 2, 5, 1)).toEqual({ episodeOrdinal: 2, volume: 1 });
    expect(viewerHorizon('furthest', 0, 0, 0).episodeOrdinal).toBe(1);
    expect(viewerHorizon('off', 1, 0, 0).episodeOrdinal).toBe(Number.POSITIVE_INFINITY);
  });
});
