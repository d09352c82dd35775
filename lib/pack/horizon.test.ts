import { describe, expect, it } from 'vitest';
import { currentStage, episodeOrder, isReached, isVisible, viewerHorizon } from './horizon';

const order = episodeOrder({
  episodes: [
    { id: 's2e1', season: 2, number: 1 },
    { id: 's1e2', season: 1, number: 2 },
    { id: 's1e1', season: 1, number: 1 },
  ] as never,
  film: { id: 'film' } as never,
});
const at = (episodeOrdinal: number, watchedOrdinal: number, volume = 0) => ({ episodeOrdinal, watchedOrdinal, volume });

describe('horizons', () => {
  it('orders episodes by broadcast order with the film last', () => {
    expect([...order.entries()]).toEqual([
      ['s1e1', 1],
      ['s1e2', 2],
      ['s2e1', 3],
      ['film', 4],
    ]);
  });

  it('unlocks on either axis', () => {
    const note = { episode: 's2e1', volume: 3 };
    expect(isVisible(note, at(2, 2, 2), order)).toBe(false);
    expect(isVisible(note, at(4, 3), order)).toBe(true);
    expect(isVisible(note, at(1, 0, 3), order)).toBe(true);
    expect(isVisible({ episode: 'nope' }, at(99, 99), order)).toBe(false);
  });

  it('holds back what an episode unlocks while it plays unwatched, unless it is safe from the start', () => {
    const aboutS1e2 = { episode: 's1e2' };
    expect(isVisible(aboutS1e2, at(2, 1), order)).toBe(false);
    expect(isVisible(aboutS1e2, at(2, 2), order)).toBe(true);
    expect(isVisible(aboutS1e2, at(3, 1), order)).toBe(true);
    expect(isVisible({ episode: 's1e2', at: 'start' }, at(2, 1), order)).toBe(true);
    expect(isVisible({ episode: 's1e2', at: 'start' }, at(1, 0), order)).toBe(false);
    expect(isReached('s1e2', at(2, 0), order)).toBe(true);
    expect(isReached('s2e1', at(2, 0), order)).toBe(false);
  });

  it('shows the latest stage reached of a staged text', () => {
    const stages = [
      { text: 'one', horizon: { episode: 's1e1', at: 'start' as const }, sources: ['x'] },
      { text: 'two', horizon: { episode: 's1e2' }, sources: ['x'] },
    ];
    expect(currentStage(stages, (h) => isVisible(h, at(2, 1), order))?.text).toBe('one');
    expect(currentStage(stages, (h) => isVisible(h, at(2, 2), order))?.text).toBe('two');
  });

  it('takes the later of the current and furthest episodes, never before the premiere', () => {
    expect(viewerHorizon('furthest', 2, 5, 1)).toEqual({ episodeOrdinal: 5, watchedOrdinal: 5, volume: 1 });
    expect(viewerHorizon('current', 2, 5, 1)).toEqual({ episodeOrdinal: 2, watchedOrdinal: 2, volume: 1 });
    expect(viewerHorizon('current', 3, 2, 0)).toEqual({ episodeOrdinal: 3, watchedOrdinal: 2, volume: 0 });
    expect(viewerHorizon('furthest', 0, 0, 0)).toEqual({ episodeOrdinal: 1, watchedOrdinal: 0, volume: 0 });
    expect(viewerHorizon('off', 1, 0, 0).watchedOrdinal).toBe(Number.POSITIVE_INFINITY);
  });
});
