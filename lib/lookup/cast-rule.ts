/**
 * TVmaze's show cast spans the whole show ("cumulative": a character who joins in season 4 is listed from the
 * first episode), so shown as it is it spoils (any-show-providers.md §1.7; issue 17). Where the data says when a
 * character first appears (the guest casts of the episodes fetched so far), that decides; otherwise only the
 * first few in TVmaze's order are shown, standing in for the season-one regulars (TVmaze orders a cast by number
 * of appearances, so those are the show's mainstays; it has no cast per season), with this episode's guests, and
 * every other cast member waits behind the panel's "N more cast members · Show one". A heuristic: a mainstay who
 * joined in season two still shows in season one, which is why the list is kept short.
 */
import type { TvmazeCastMember } from './tvmaze';

export interface CastRuleInput {
  cast: TvmazeCastMember[];
  /** This episode's guest cast, always shown: it is on screen now. */
  guests: TvmazeCastMember[];
  /** Where known: the first episode (as an ordinal in airing order) each character appears in, by character id. */
  firstSeen: ReadonlyMap<number, number>;
  /** The episode playing, as an ordinal in airing order (undefined when no TVmaze episode matched). */
  ordinal?: number;
  /** How many of the show's cast count as its regulars from the start. */
  regulars?: number;
}

export function splitCumulativeCast({ cast, guests, firstSeen, ordinal, regulars = 6 }: CastRuleInput): {
  shown: TvmazeCastMember[];
  held: TvmazeCastMember[];
} {
  const guestIds = new Set(guests.map((g) => g.characterId));
  const shown: TvmazeCastMember[] = [...guests];
  const held: TvmazeCastMember[] = [];
  cast.forEach((member, rank) => {
    if (guestIds.has(member.characterId)) return;
    const first = firstSeen.get(member.characterId);
    // Known to appear by now: shown. Otherwise only a mainstay (a first appearance later on says nothing of
    // an earlier one: only the guest casts fetched so far are known).
    const visible = (first !== undefined && ordinal !== undefined && first <= ordinal) || rank < regulars;
    (visible ? shown : held).push(member);
  });
  return { shown, held };
}
