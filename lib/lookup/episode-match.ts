/**
 * Which TVmaze episode the site is playing (any-show-providers.md §4, "Episodes"): by season and number when
 * TVmaze's episode there has the same title, else by title alone (a site's re-cuts and collections number
 * differently), else none, and the panel shows the show alone. The title is always cross-checked: a number that
 * matches with another title is not this episode. The ordinal (the place among the regular episodes, in airing
 * order) is what the cumulative-cast rule compares.
 */
import { normalizeKey } from '../text/normalize';
import type { TvmazeEpisode } from './tvmaze';

/** The episode as the site's signals name it. */
export interface PlayingEpisode {
  season?: number;
  episode?: number;
  title?: string;
}

/** A title without a leading article or a "Chapter One:" style prefix (Netflix has them), for comparing. */
const titleKey = (title: string) =>
  normalizeKey(title.replace(/^\s*(?:chapter|episode|part)\s+[\w-]+\s*[:.]\s*/i, '').replace(/^\s*(?:the|a|an)\s+/i, ''));

export function matchEpisode(
  episodes: TvmazeEpisode[],
  wanted: PlayingEpisode,
): { episode: TvmazeEpisode; ordinal: number } | undefined {
  const regular = episodes.filter((e) => e.number !== null);
  const key = wanted.title ? titleKey(wanted.title) : '';
  const sameTitle = (e: TvmazeEpisode) => key !== '' && titleKey(e.name) === key;
  const byNumber = regular.find((e) => e.season === wanted.season && e.number === wanted.episode);
  const found =
    byNumber && (sameTitle(byNumber) || key === '')
      ? byNumber
      : // By title: in the same season first, then anywhere (a unique title only).
        (regular.find((e) => e.season === wanted.season && sameTitle(e)) ??
        (regular.filter(sameTitle).length === 1 ? regular.find(sameTitle) : undefined));
  return found ? { episode: found, ordinal: regular.indexOf(found) + 1 } : undefined;
}
