/**
 * What the panel shows for a title Backstory has no pack for, as data (the panel owns the words): the show as
 * TVmaze has it, its cast cut by the cumulative-cast rule, this episode's guests, and what Wikidata says it is
 * based on, each with the link its licence asks for.
 */
import type { SiteId } from '../ids/ids';
import { splitCumulativeCast } from './cast-rule';
import type { LookupResult } from './lookup-title';
import type { TvmazeCastMember, TvmazeShow } from './tvmaze';
import type { BasedOn } from './wikidata';

/**
 * What the site says is playing (on Netflix, its metadata asked in English): the panel's header. A title no signal
 * gives a season or an episode for is taken as a film.
 */
export interface UnpackedTitle {
  /** The site's id of the video, so that a new video replaces what was said of the last. */
  videoId?: string;
  titleId: string;
  title?: string;
  season?: number;
  episode?: number;
  episodeTitle?: string;
}

/**
 * What the background keeps per tab: the title, the site of the tab's page (its lookups are keyed by it), and who
 * could have written the signal that named it (lib/identity/policy.ts): only a title the server named is looked up.
 */
export type TabTitle = UnpackedTitle & { site: SiteId; namedBy?: 'viewer' | 'server' | 'page' };

export type ShowChoice = Pick<TvmazeShow, 'id' | 'name' | 'url' | 'year' | 'network' | 'webChannel'>;
export type LookupCastMember = TvmazeCastMember & { guest?: true };

export type TitleLookupView =
  /** The viewer has not turned lookups on (or took the permission back): the panel offers it. */
  | { status: 'off' }
  /** Nothing says which of the site's titles plays (no title id): there is nothing to look up. */
  | { status: 'no-title' }
  /** Only the page names the title: looked up once the viewer confirms it is what plays (`confirmLookupTitle`). */
  | { status: 'confirm'; playing: UnpackedTitle }
  | { status: 'unavailable'; playing: UnpackedTitle }
  | { status: 'none'; playing: UnpackedTitle; basedOn: BasedOn | null }
  | { status: 'film'; playing: UnpackedTitle; basedOn: BasedOn | null; missing: 'basedOn'[] }
  | { status: 'unsure'; playing: UnpackedTitle; candidates: ShowChoice[]; basedOn: BasedOn | null }
  | {
      status: 'found';
      playing: UnpackedTitle;
      show: ShowChoice;
      /** Shown: this episode's guests (marked), then the cast the rule lets through. */
      cast: LookupCastMember[];
      /** Held back by the rule: one at a time on request. */
      held: LookupCastMember[];
      /** TVmaze's episode, when it matched the one playing (its guest cast is then known). */
      episode?: { id: number; season: number; number: number | null; name: string };
      basedOn: BasedOn | null;
      chosen: boolean;
      missing: ('basedOn' | 'guests')[];
    };

export const choiceOf = ({ id, name, url, year, network, webChannel }: TvmazeShow): ShowChoice => ({
  id,
  name,
  url,
  ...(year !== undefined ? { year } : {}),
  ...(network ? { network } : {}),
  ...(webChannel ? { webChannel } : {}),
});

export function titleLookupView(playing: UnpackedTitle, result: LookupResult): TitleLookupView {
  switch (result.status) {
    case 'unavailable':
      return { status: 'unavailable', playing };
    case 'none':
      return { status: 'none', playing, basedOn: result.basedOn };
    case 'film':
      return { status: 'film', playing, basedOn: result.basedOn, missing: result.missing };
    case 'unsure':
      return { status: 'unsure', playing, candidates: result.candidates.map(choiceOf), basedOn: result.basedOn };
    case 'found': {
      const match = result.episode;
      const { shown, held } = splitCumulativeCast({
        cast: result.cast,
        guests: match?.guests ?? [],
        firstSeen: match?.firstSeen ?? new Map(),
        ordinal: match?.ordinal,
      });
      const guestIds = new Set(match?.guests.map((g) => g.characterId));
      return {
        status: 'found',
        playing,
        show: choiceOf(result.show),
        cast: shown.map((m) => (guestIds.has(m.characterId) ? { ...m, guest: true } : m)),
        held,
        ...(match
          ? {
              episode: {
                id: match.episode.id,
                season: match.episode.season,
                number: match.episode.number,
                name: match.episode.name,
              },
            }
          : {}),
        basedOn: result.basedOn,
        chosen: result.chosen,
        missing: result.missing,
      };
    }
  }
}
