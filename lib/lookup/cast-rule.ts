/**
 * TVmaze's show cast spans the whole show ("cumulative": a character who joins in season 4 is listed from the
 * first episode), so shown as it is it spoils (any-show-providers.md §1.7; issue 17). Where the data says when a
 * character first appears (the guest casts of the episodes fetched so far), that decides; otherwise only the
 * first regulars in TVmaze's order (by number of appearances) are shown while the viewer is in season one, and
 * every other cast member waits behind the panel's "N more cast members later in the show · Show one".
 */
import type { TvmazeCastMember } from './tvmaze';

export interface CastRuleInput {
  cast: TvmazeCastMember[];
  /** This episode's guest cast, always shown: it is on screen now. */
  guests: TvmazeCastMember[];
  /** Where known: the first episode (as an ordinal in airing order) each character appears in, by character id. */
  firstSeen: ReadonlyMap<number, number>;
  /** The episode playing, as an ordinal in airing order, and its season. */
  ordinal: number;
  season: number;
  /** How many of the show's cast count as its regulars from the start. */
  regulars?: number;
}

export function splitCumulativeCast({ cast, guests, firstSeen, ordinal, season, regulars = 6 }: CastRuleInput): {
  shown: TvmazeCastMember[];
  held: TvmazeCastMember[];
} {
  const guestIds = new Set(guests.map((g) => g.characterId));
  const shown: TvmazeCastMember[] = [...guests];
  const held: TvmazeCastMember[] = [];
  cast.forEach((member, rank) => {
    if (guestIds.has(member.characterId)) return;
    const first = firstSeen.get(member.characterId);
    // Known: shown once reached. Unknown: only a regular, and only in season one (later seasons may add regulars).
    const visible = first !== undefined ? first <= ordinal : season === 1 && rank < regulars;
    (visible ? shown : held).push(member);
  });
  return { shown, held };
}
