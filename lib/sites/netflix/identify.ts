/**
 * Works out which episode is on screen, and how sure it is. Every signal but the first is matched on its own:
 *   1. the viewer's correction, or a mapping learned when two signals agreed on an earlier visit;
 *   2. the player's own state, read in the page world;
 *   3. Netflix's metadata JSON for the video id (same-origin request), whenever the show's Netflix id is still
 *      unknown or the page world did not settle it: a profile in any language is matched by id, never by a
 *      translated title;
 *   4. the control bar's title text, which only exists while the controls are shown. Its code is usually `E3`
 *      with no season, so on its own it may only resolve a single-season show or an episode by its title; a
 *      season and show id from steps 2–3 are carried into it, so it can confirm them.
 * Only when two independent signals agree is the answer remembered (replacing a mapping they contradict) and
 * called confirmed; a lone claim is shown but never counts as watched, and claims that disagree leave the
 * viewer to choose. A recap (`supplemental`) that plays before the episode is waited out, never identified.
 */
import type { EpisodeSignals, Resolution } from '../../db/resolve';
import type { Identification, Resolve } from '../site';
import type { MetadataSignals } from './metadata';
import type { PageState } from './page-bridge';
import { type ParsedTitle, parseTitleParts } from './title-parser';

export interface PageReader {
  pageState(): Promise<PageState | undefined>;
  /** `[data-videoid]`, else the `/watch/<id>` URL. */
  videoId(): string | undefined;
  /** Texts of the title block's parts, or undefined while the block is not in the page. */
  titleParts(): string[] | undefined;
  metadata(videoId: string, memberApiPath?: string): Promise<MetadataSignals | undefined>;
}

export type { Identification, Resolve };

/** What each signal said, kept for the panel's "Copy diagnostics". */
export interface IdentifyTrace {
  page?: PageState;
  domVideoId?: string;
  metadata?: MetadataSignals;
  title?: ParsedTitle;
}

const hasEpisode = (s: { episode?: number; episodeTitle?: string }) => s.episode !== undefined || s.episodeTitle !== undefined;

type Resolved = Extract<Resolution, { status: 'resolved' }>;
const same = (a: Resolved, b: Resolved) => a.showId === b.showId && a.episodeId === b.episodeId;

export async function identify(reader: PageReader, resolve: Resolve, trace: IdentifyTrace = {}): Promise<Identification> {
  const said = await reader.pageState();
  const domVideoId = reader.videoId();
  Object.assign(trace, { page: said, domVideoId });
  // A session chosen only as "open" or "last" that plays another id than the page shows is likely the previous
  // episode's, in the moment after autoplay before the new session is listed: the page world is not asked then.
  const weak = said?.session === 'open' || said?.session === 'last';
  const page = weak && domVideoId && said?.videoId !== domVideoId ? undefined : said;
  let videoId = page?.videoId ?? domVideoId;
  if (page?.type === 'supplemental') return { status: 'waiting', videoId };

  let title: string | undefined;
  let best: Resolution | undefined;
  /** Each signal is matched on its own; nothing is remembered until two agree. */
  const match = async (signals: EpisodeSignals): Promise<{ signals: EpisodeSignals; result: Resolved } | undefined> => {
    title ??= signals.showTitle ?? signals.episodeTitle;
    const result = await resolve(signals);
    if (result.status === 'resolved') return { signals, result };
    if (!best || best.status === 'unknown-show') best = result;
    return undefined;
  };
  const done = (hit: Resolved, confirmed: boolean): Identification => ({ ...hit, videoId, confirmed });

  // The viewer's correction, or a mapping learned when two signals agreed on an earlier visit.
  const known = videoId ? await resolve({ videoId, via: 'url' }) : undefined;
  if (known?.status === 'resolved' && known.via === 'correction') return done(known, true);
  const learned = known?.status === 'resolved' ? known : undefined;

  const fromPage =
    page && (hasEpisode(page) || page.showTitle || page.titleId)
      ? await match({
          videoId,
          titleId: page.titleId,
          showTitle: page.showTitle,
          season: page.season,
          episode: page.episode,
          episodeTitle: page.episodeTitle,
          via: 'page-world',
        })
      : undefined;
  // The page agrees with what was learned (or says nothing): nothing more to ask.
  if (learned && (!fromPage || same(fromPage.result, learned))) return done(learned, true);

  let fromMetadata: Awaited<ReturnType<typeof match>>;
  let hint: { titleId?: string; season?: number } = {};
  if (videoId) {
    const meta = await reader.metadata(videoId, page?.memberApiPath);
    trace.metadata = meta;
    if (meta?.type === 'supplemental') return { status: 'waiting', videoId };
    if (meta) {
      // Asked with a show id, the document answers with its current episode: that episode's id is the one to use.
      videoId = meta.episodeVideoId ?? videoId;
      const { titleId, showTitle, season, episode, episodeTitle } = meta;
      fromMetadata = await match({ videoId, titleId, showTitle, season, episode, episodeTitle, via: 'metadata' });
      hint = { titleId, season };
    }
  }

  const parts = reader.titleParts();
  let fromTitle: Awaited<ReturnType<typeof match>>;
  let titleWithPage: Awaited<ReturnType<typeof match>>;
  if (parts) {
    const parsed = parseTitleParts(parts);
    trace.title = parsed;
    if (parsed.showTitle) {
      // The title may take the season Netflix's metadata gave ("E3" has none), but not the page world's, or it
      // would only repeat the page's claim; with the page's season it is a last resort for display alone.
      fromTitle = await match({ videoId, ...hint, ...definedOnly(parsed), via: 'title-text' });
      if (!fromTitle && page && (page.season !== undefined || page.titleId))
        titleWithPage = await match({
          videoId,
          titleId: page.titleId,
          season: page.season,
          ...definedOnly(parsed),
          via: 'title-text',
        });
    }
  }

  // The member API is the extension's own request; the page world and the title are the page's word.
  const fresh = [fromMetadata, fromPage, fromTitle].filter((f) => f !== undefined);
  const agreed = fresh.find((a) => fresh.some((b) => b !== a && same(a.result, b.result)));
  if (agreed) {
    // Two independent signals agree: remembered under this video id, replacing a mapping they contradict.
    await resolve({ ...agreed.signals, videoId, learn: true });
    return done(agreed.result, true);
  }
  // One claim on its own does not outweigh a mapping two signals once agreed on.
  if (learned) return done(learned, true);
  const first = fresh[0] ?? titleWithPage;
  if (first && fresh.every((f) => same(f.result, first.result))) return done(first.result, false);

  const unknown = best as Resolution | undefined;
  const conflict = fresh.length > 1;
  return {
    status: 'unknown',
    videoId,
    title,
    showId: conflict ? first?.result.showId : unknown?.status === 'unknown-episode' ? unknown.showId : undefined,
    reason: conflict
      ? 'conflict'
      : unknown?.status === 'unknown-episode'
        ? 'unknown-episode'
        : title
          ? 'unknown-show'
          : 'no-signal',
    titleMissing: parts === undefined,
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
