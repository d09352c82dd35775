import { describe, expect, it } from 'vitest';
import { splitCumulativeCast } from './cast-rule';
import type { TvmazeCastMember } from './tvmaze';

const member = (id: number): TvmazeCastMember => ({
  personId: id,
  person: `Actor ${id}`,
  characterId: id,
  character: `Character ${id}`,
  self: false,
  voice: false,
});
const cast = Array.from({ length: 10 }, (_, i) => member(i + 1));
const names = (list: TvmazeCastMember[]) => list.map((m) => m.characterId);

describe('the spoiler rule for a cumulative show cast', () => {
  it('shows the first regulars in season one and holds the rest back', () => {
    const { shown, held } = splitCumulativeCast({ cast, guests: [], firstSeen: new Map(), ordinal: 1, season: 1 });
    expect(names(shown)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(names(held)).toEqual([7, 8, 9, 10]);
  });

  it('lets what the episodes say decide: a regular who joins later is held until that episode', () => {
    const firstSeen = new Map([
      [2, 12],
      [8, 3],
    ]);
    const early = splitCumulativeCast({ cast, guests: [], firstSeen, ordinal: 3, season: 1 });
    expect(names(early.shown)).toEqual([1, 3, 4, 5, 6, 8]);
    const later = splitCumulativeCast({ cast, guests: [], firstSeen, ordinal: 12, season: 2 });
    expect(names(later.shown)).toEqual([2, 8]);
  });

  it('always shows this episode’s guests, once', () => {
    const { shown, held } = splitCumulativeCast({
      cast,
      guests: [member(9), member(42)],
      firstSeen: new Map(),
      ordinal: 20,
      season: 3,
    });
    expect(names(shown)).toEqual([9, 42]);
    expect(held).toHaveLength(9);
  });
});
