/**
 * Works out which episode is on screen from the strongest signal available:
 *   1. a correction or mapping remembered for this video id (no page access at all);
 *   2. the player's own state, read in the page world;
 *   3. Netflix's metadata JSON for the video id (same-origin request);
 *   4. the control bar's title text, which only exists while the controls are shown.
 * Each step is skipped when its signal is missing; the result says why nothing matched.
 */
import type { EpisodeSignals, Resolution } from '../db/resolve';
import type { MetadataSignals } from './metadata';
import type { PageState } from './page-bridge';
import { parseTitleParts } from './title-parser';

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

const hasEpisode = (s: { season?: number; episode?: number; episodeTitle?: string }) =>
  s.episode !== undefined || s.episodeTitle !== undefined;

export async function identify(reader: PageReader, resolve: Resolve): Promise<Identification> {
  const page = await reader.pageState();
  const videoId = page?.videoId ?? reader.videoId();
  let best: Resolution | undefined;
  let title: string | undefined;

  const attempt = async (signals: EpisodeSignals): Promise<Identification | undefined> => {
    title ??= signals.showTitle ?? signals.episodeTitle;
    const result = await resolve(signals);
    if (result.status === 'resolved') return { ...result, videoId };
    if (!best || best.status === 'unknown-show') best = result;
    return undefined;
  };

  if (page && (hasEpisode(page) || page.showTitle)) {
    const hit = await attempt({
      videoId,
      titleId: page.titleId,
      showTitle: page.showTitle,
      season: page.season,
      episode: page.episode,
      episodeTitle: page.episodeTitle,
      via: 'page-world',
    });
    if (hit) return hit;
  } else if (videoId) {
    const known = await attempt({ videoId, via: 'url' });
    if (known) return known;
  }

  if (videoId && !(page && hasEpisode(page))) {
    const meta = await reader.metadata(videoId, page?.memberApiPath);
    if (meta) {
      const hit = await attempt({ videoId, ...withoutType(meta), via: 'metadata' });
      if (hit) return hit;
    }
  }

  const parts = reader.titleParts();
  if (parts) {
    const parsed = parseTitleParts(parts);
    if (parsed.showTitle) {
      const hit = await attempt({ videoId, ...parsed, via: 'title-text' });
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

function withoutType({ type: _type, ...rest }: MetadataSignals): Omit<MetadataSignals, 'type'> {
  return rest;
}
