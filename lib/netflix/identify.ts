/**
 * Works out which episode is on screen from the strongest signal available:
 *   1. a correction or mapping remembered for this video id (no page access at all);
 *   2. the player's own state, read in the page world;
 *   3. Netflix's metadata JSON for the video id (same-origin request), whenever the show's Netflix id is still
 *      unknown or the page world did not settle it: a profile in any language is matched by id, never by a
 *      translated title;
 *   4. the control bar's title text, which only exists while the controls are shown. Its code is usually `E3`
 *      with no season, so on its own it may only resolve a single-season show or an episode by its title; a
 *      season and show id from steps 2–3 are carried into it, so it can confirm them.
 * A recap (`supplemental`) that plays before the episode is waited out, never identified.
 */
import type { EpisodeSignals, Resolution } from '../db/resolve';
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

export type Identification =
  | {
      status: 'resolved';
      videoId?: string;
      showId: string;
      episodeId: string;
      via: Extract<Resolution, { status: 'resolved' }>['via'];
    }
  /** Something other than the episode plays first (a recap): ask again shortly. */
  | { status: 'waiting'; videoId?: string }
  | {
      status: 'unknown';
      videoId?: string;
      /** What the page called it, shown as plain text in "no notes for …". */
      title?: string;
      showId?: string;
      reason: 'unknown-show' | 'unknown-episode' | 'no-signal';
      /** True when the title text was not on screen, so a later look may do better. */
      titleMissing: boolean;
    };

export type Resolve = (signals: EpisodeSignals) => Promise<Resolution>;

/** What each signal said, kept for the panel's "Copy diagnostics". */
export interface IdentifyTrace {
  page?: PageState;
  domVideoId?: string;
  metadata?: MetadataSignals;
  title?: ParsedTitle;
}

const hasEpisode = (s: { episode?: number; episodeTitle?: string }) => s.episode !== undefined || s.episodeTitle !== undefined;

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
  let best: Resolution | undefined;
  let title: string | undefined;
  let hint: { titleId?: string; season?: number } = { titleId: page?.titleId, season: page?.season };

  const attempt = async (signals: EpisodeSignals): Promise<Identification | undefined> => {
    title ??= signals.showTitle ?? signals.episodeTitle;
    const result = await resolve(signals);
    if (result.status === 'resolved') return { ...result, videoId };
    if (!best || best.status === 'unknown-show') best = result;
    return undefined;
  };

  if (page && (hasEpisode(page) || page.showTitle || page.titleId)) {
    const { titleId, showTitle, season, episode, episodeTitle } = page;
    const hit = await attempt({ videoId, titleId, showTitle, season, episode, episodeTitle, via: 'page-world' });
    if (hit) return hit;
  } else if (videoId) {
    const known = await attempt({ videoId, via: 'url' });
    if (known) return known;
  }

  if (videoId) {
    const meta = await reader.metadata(videoId, page?.memberApiPath);
    trace.metadata = meta;
    if (meta?.type === 'supplemental') return { status: 'waiting', videoId };
    if (meta) {
      // Asked with a show id, the document answers with its current episode: that episode's id is the one to use.
      videoId = meta.episodeVideoId ?? videoId;
      const { titleId, showTitle, season, episode, episodeTitle } = meta;
      const hit = await attempt({ videoId, titleId, showTitle, season, episode, episodeTitle, via: 'metadata' });
      if (hit) return hit;
      hint = { titleId: hint.titleId ?? titleId, season: hint.season ?? season };
    }
  }

  const parts = reader.titleParts();
  if (parts) {
    const parsed = parseTitleParts(parts);
    trace.title = parsed;
    if (parsed.showTitle) {
      const hit = await attempt({ videoId, ...parsed, ...hint, ...definedOnly(parsed), via: 'title-text' });
      if (hit) return hit;
    }
  }

  const unknown = best as Resolution | undefined;
  return {
    status: 'unknown',
    videoId,
    title,
    showId: unknown?.status === 'unknown-episode' ? unknown.showId : undefined,
    reason: unknown?.status === 'unknown-episode' ? 'unknown-episode' : title ? 'unknown-show' : 'no-signal',
    titleMissing: parts === undefined,
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
