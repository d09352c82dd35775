import { describe, expect, it } from 'vitest';
import { parsePrimeTitle } from './title';

describe('Prime Video’s title parts, as the background reads them', () => {
  it('reads the show and the episode line', () => {
    expect(parsePrimeTitle(['Heartstopper', 'Season 1, Ep. 3 Kiss'])).toEqual({
      showTitle: 'Heartstopper',
      season: 1,
      episode: 3,
      episodeTitle: 'Kiss',
    });
  });
  it('reads a film (no line) and survives missing parts', () => {
    expect(parsePrimeTitle(['A Film', ''])).toEqual({ showTitle: 'A Film' });
    expect(parsePrimeTitle([])).toEqual({ showTitle: undefined });
  });
});
