/**
 * The background's side of Prime Video's catalog (#16): the content script sends the entries the page-world hook
 * saw (catalog-bridge.ts, up to 6) with the title's two parts, and the background pairs them here, so the injected
 * script carries neither the episode-line parser nor the title normaliser. The entry that agrees with the screen's
 * show, season and episode is the one playing (NCO pairs them the same way; after autoplay a newer catalog of
 * another episode may have arrived), else the newest, but only while the screen names no episode. Its GTI becomes both the observation's video id and the
 * page-world signal's, so the identity policy hears the signal as about the video observed (lib/identity/policy.ts).
 */
import type { SignalValue } from '../../identity/policy';
import type { CatalogEntry } from './catalog-bridge';
import { normalizeTitle } from './normalize';
import { parsePrimeTitle } from './title';

/** A text of the page's catalog entry, unchecked until the page-world signal is (lib/service/inputs.ts). */
const textOf = (value: unknown) => (typeof value === 'string' ? value.slice(0, 500) : '');

/**
 * The catalog entry that says what the screen says; else the newest, unless the screen names an episode; `parts` as
 * the content script read them.
 */
export function pickEntry(entries: readonly CatalogEntry[], parts: readonly string[] | undefined): CatalogEntry | undefined {
  const newest = [...entries].sort((a, b) => b.at - a.at);
  if (!parts) return newest[0];
  const title = parsePrimeTitle(parts);
  const show = normalizeTitle(title.showTitle ?? '');
  const agrees = newest.find(
    (e) =>
      normalizeTitle(textOf(e.type === 'episode' ? e.seriesTitle : e.title)) === show &&
      (e.type !== 'episode' || (e.season === title.season && e.episode === title.episode)),
  );
  if (agrees) return agrees;
  // The screen names an episode no entry is (the hook missed its catalog): another episode's GTI would become the
  // key of whatever the viewer corrects here (Prime audit 1, F2), so the screen's guess stands without one.
  return title.season !== undefined && title.episode !== undefined ? undefined : newest[0];
}

/**
 * The paired entry as the observation's video id and a page-world signal. Its texts and numbers go on as the page
 * wrote them: the caller checks them once, and drops the signal if any is out of shape (SignalValue).
 */
export function pairCatalog(
  entries: readonly CatalogEntry[],
  parts: readonly string[] | undefined,
): { videoId: string; value: SignalValue } | undefined {
  const entry = pickEntry(entries, parts);
  if (!entry) return undefined;
  const videoId = entry.gti;
  return {
    videoId,
    value: (entry.type === 'episode'
      ? { videoId, showTitle: entry.seriesTitle, season: entry.season, episode: entry.episode, episodeTitle: entry.title }
      : { videoId, type: entry.type === 'movie' ? 'movie' : undefined, showTitle: entry.title }) as SignalValue,
  };
}
