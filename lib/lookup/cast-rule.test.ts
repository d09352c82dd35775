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
  it('shows the first few (the mainstays) and holds the rest back', () => {
    const { shown, held } = splitCumulativeCast({ cast, guests: [], firstSeen: new Map(), ordinal: 1 });
    expect(names(shown)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(names(held)).toEqual([7, 8, 9, 10]);
  });

  it('shows someone beyond the mainstays once an episode up to this one lists them', () => {
    const firstSeen = new Map([
      [8, 3],
      [9, 12],
    ]);
    const early = splitCumulativeCast({ cast, guests: [], firstSeen, ordinal: 3 });
    expect(names(early.shown)).toEqual([1, 2, 3, 4, 5, 6, 8]);
    expect(names(early.held)).toEqual([7, 9, 10]);
    const later = splitCumulativeCast({ cast, guests: [], firstSeen, ordinal: 12 });
    expect(names(later.shown)).toEqual([1, 2, 3, 4, 5, 6, 8, 9]);
  });

  it('holds back all but the mainstays when no episode matched', () => {
    const { held } = splitCumulativeCast({ cast, guests: [], firstSeen: new Map([[8, 3]]), ordinal: undefined });
    expect(names(held)).toEqual([7, 8, 9, 10]);
  });

  it('always shows this episode’s guests, once', () => {
    const { shown, held } = splitCumulativeCast({
      cast,
      guests: [member(9), member(42)],
      firstSeen: new Map(),
      ordinal: 20,
    });
    expect(names(shown)).toEqual([9, 42, 1, 2, 3, 4, 5, 6]);
    expect(names(held)).toEqual([7, 8, 10]);
  });
});
