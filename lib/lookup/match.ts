/**
 * Which TVmaze show is the Netflix title playing (any-show-providers.md §4, step 3). Each candidate is scored:
 * its official site naming the Netflix title id is near-certain; Netflix as its web channel, a premiere within a
 * year of Netflix's, and the same normalised title (or one of its other titles) each add to it. Only a candidate
 * well above the threshold, and clearly ahead of the next, is taken as a match; otherwise the viewer picks.
 */
import { normalizeKey } from '../text/normalize';
import type { TvmazeShow } from './tvmaze';

export interface NetflixTitle {
  /** Netflix's id of the show (the metadata's video.id). */
  titleId: string;
  /** Its English title (the metadata asked with languages=en-US). */
  title: string;
  /** The earliest year Netflix gives for it, if any. */
  year?: number;
}

export const CONFIDENT = 5;

export function scoreCandidate(netflix: NetflixTitle, show: TvmazeShow, otherTitles: string[] = []): number {
  let score = 0;
  const site = show.officialSite ?? '';
  if (new RegExp(`netflix\\.com/(?:[a-z-]+/)?title/${netflix.titleId}(?:\\D|$)`).test(site)) score += 10;
  if (show.webChannel === 'Netflix') score += 1;
  if (netflix.year !== undefined && show.year !== undefined && Math.abs(show.year - netflix.year) <= 1) score += 2;
  const wanted = normalizeKey(netflix.title);
  if ([show.name, ...otherTitles].some((t) => normalizeKey(t) === wanted)) score += 3;
  return score;
}

export type MatchResult =
  | { status: 'confident'; show: TvmazeShow }
  /** Not sure: the candidates to offer ("Not this show?"), best first. */
  | { status: 'unsure'; candidates: TvmazeShow[] }
  | { status: 'none' };

/** `otherTitles`: each candidate's other titles (TVmaze's AKAs), where they were fetched. */
export function pickShow(
  netflix: NetflixTitle,
  candidates: TvmazeShow[],
  otherTitles: ReadonlyMap<number, string[]> = new Map(),
): MatchResult {
  if (candidates.length === 0) return { status: 'none' };
  const scored = candidates
    .map((show) => ({ show, score: scoreCandidate(netflix, show, otherTitles.get(show.id)) }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (best && best.score >= CONFIDENT && (second === undefined || best.score - second.score >= 3))
    return { status: 'confident', show: best.show };
  return { status: 'unsure', candidates: scored.slice(0, 5).map((s) => s.show) };
}
