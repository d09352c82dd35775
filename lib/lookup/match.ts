/**
 * Which TVmaze show is the site's title playing (any-show-providers.md §4, step 3). Each candidate is scored:
 * its official site being the site's page for the title is near-certain; the site as its web channel, a premiere
 * within a year of the site's, and the same normalised title (or one of its other titles) each add to it. Only a candidate
 * well above the threshold, and clearly ahead of the next, is taken as a match; otherwise the viewer picks.
 */
import { normalizeKey } from '../text/normalize';
import type { SiteTitle } from './site-lookup';
import type { TvmazeShow } from './tvmaze';

export const CONFIDENT = 5;

export function scoreCandidate(title: SiteTitle, show: TvmazeShow, otherTitles: string[] = []): number {
  let score = 0;
  const { lookup } = title;
  if (show.officialSite && lookup.isTitlePage?.(show.officialSite, title.titleId)) score += 10;
  if (lookup.webChannel !== undefined && show.webChannel === lookup.webChannel) score += 1;
  if (title.year !== undefined && show.year !== undefined && Math.abs(show.year - title.year) <= 1) score += 2;
  const wanted = normalizeKey(title.title);
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
  title: SiteTitle,
  candidates: TvmazeShow[],
  otherTitles: ReadonlyMap<number, string[]> = new Map(),
): MatchResult {
  if (candidates.length === 0) return { status: 'none' };
  const scored = candidates
    .map((show) => ({ show, score: scoreCandidate(title, show, otherTitles.get(show.id)) }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (best && best.score >= CONFIDENT && (second === undefined || best.score - second.score >= 3))
    return { status: 'confident', show: best.show };
  return { status: 'unsure', candidates: scored.slice(0, 5).map((s) => s.show) };
}
