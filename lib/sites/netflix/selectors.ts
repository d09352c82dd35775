/**
 * Every Netflix selector and page-world path the extension depends on, in one place, each with fallbacks.
 * Only stable hooks are used (data-uia, data-videoid, element names, the watch-video class family); never the
 * hashed `ltr-…` classes, which change with every Netflix release. Each list's expected match counts on named
 * pages of the imitation player are in tests/fixtures/netflix/selector-counts.ts, checked end to end.
 */

import { VIDEO_ID } from '../../ids/ids';
import { queryFirst } from '../query';

// Evidence: docs/netflix-evidence.md (its sources cited as [S#]). The real nesting is
// .watch-video[data-uia=watch-video] > .watch-video--player-view > [data-uia=player][data-videoid]
//   > [data-uia=video-canvas] … video, with the controls inside [data-uia=player], mounted only on activity.

/** The player's root, the fullscreen element [S13]: the panel mounts inside it so it stays visible in fullscreen. */
export const PLAYER_ROOT = ['.watch-video', '[data-uia="watch-video"]', '[data-uia="player"]'] as const;
/** Where Netflix keeps the id of the video on screen: the inner player div [S5, S15]; no other element may win. */
export const VIDEO_ID_HOLDER = ['[data-uia="player"][data-videoid]', '[data-videoid]'] as const;
export const VIDEO = ['[data-uia="video-canvas"] video', '[data-uia="player"] video', '.watch-video video'] as const;
/**
 * The title block of the control bar [S3, S10, S11, S15]: `<h4>Show</h4><span>E3</span><span>Episode title</span>`.
 * The code is `E3` with no season on most English accounts in 2025-26 [S11, S14, S19]; `S1:E3` is older or
 * rarer; `Flg. 3` in German [S10], `3화` in Korean [S15, S16]. A film has only the `<h4>` [S11].
 */
export const VIDEO_TITLE = ['[data-uia="video-title"]', '[data-uia="player-title"]'] as const;
/** The control bar, which the panel must never cover [S10, S15]. */
export const CONTROLS = ['[data-uia="controls-standard"]', '[data-uia="player-controls"]'] as const;

export const WATCH_PATH = /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?watch\/(\d{1,15})(?:[/?#]|$)/i;

/**
 * The member API's metadata route since 2024-09 [S3], used by every 2026 reader [S1, S6, S11]. The older
 * `/api/shakti/…` routes answer 421/404 on the real site [S2], so they are no longer tried.
 */
export const METADATA_TEMPLATES = ['/nq/website/memberapi/release/metadata?movieid={id}&languages=en-US'] as const;

/**
 * The member API's route as the page names it (`reactContext…memberapi.path[0]`): `release`, or a build identifier
 * as before 2024-09 [S3, S18]. The background asks a route the page names with the viewer's cookies, so a route of
 * any other shape is never asked (trust audit 3, F4).
 */
export const MEMBER_API_ROUTE = /^\/nq\/website\/memberapi\/[\w.-]{1,40}$/;

export { queryFirst };

export function videoIdFromUrl(url: URL | Location): string | undefined {
  return WATCH_PATH.exec(url.pathname)?.[1];
}

export function isWatchUrl(url: URL | Location): boolean {
  return WATCH_PATH.test(url.pathname);
}

/** The id in `[data-uia="player"][data-videoid]`, when it is a plain Netflix id. */
export function readVideoId(doc: Document): string | undefined {
  const value = queryFirst(doc, VIDEO_ID_HOLDER)?.getAttribute('data-videoid') ?? '';
  return VIDEO_ID.test(value) ? value : undefined;
}

/**
 * Page-world paths, read by entrypoints/netflix-page.ts inside Netflix's own JavaScript world (§2.4). All of them
 * are undocumented internals: every step is optional and any exception means "not available".
 */
export const PAGE_WORLD = {
  /** `appContext.state.playerApp` [S1, S4, S5, S12, S13], then `getState().playerApp` / `getPlayerApp()` [S8, S17]. */
  playerApp: (w: Window): PlayerApp | undefined => {
    const app = (w as unknown as NetflixWindow).netflix?.appContext;
    return app?.state?.playerApp ?? app?.getState?.()?.playerApp ?? app?.getPlayerApp?.();
  },
  reactContext: (w: Window) => (w as unknown as NetflixWindow).netflix?.reactContext,
  /** The in-memory metadata document: `_metadataObject.video` (2026) [S12, S13, S17], else `_metadata.video` (2021-23) [S3, S8]. */
  videoDocument: (entry: MetadataEntry | undefined) =>
    entry?._metadataObject?.video ?? entry?._metadata?._metadataObject?.video ?? entry?._metadata?.video,
} as const;

/** The little of Netflix's page-world objects that the page script touches. */
export interface NetflixWindow {
  netflix?: {
    appContext?: {
      state?: { playerApp?: PlayerApp };
      getState?: () => { playerApp?: PlayerApp };
      getPlayerApp?: () => PlayerApp;
    };
    reactContext?: { models?: { services?: { data?: { memberapi?: { hostname?: unknown; path?: unknown } } } } };
  };
}
export interface MetadataEntry {
  _metadataObject?: { video?: unknown };
  _metadata?: { video?: unknown; _metadataObject?: { video?: unknown } };
  getCurrentVideo?: () => CurrentVideo | undefined;
}
export interface PlayerApp {
  getAPI?: () => {
    videoPlayer?: {
      getAllPlayerSessionIds?: () => unknown;
      getVideoPlayerBySessionId?: (id: string) => { getMovieId?: () => unknown } | undefined;
      /** True for a session Netflix has closed, e.g. the previous episode's after autoplay [S12]. */
      isVideoPlayerClosedForSessionId?: (id: string) => unknown;
    };
    getVideoMetadataByVideoId?: (id: unknown) => MetadataEntry | undefined;
  };
  getState?: () => {
    videoPlayer?: {
      videoMetadata?: Record<string, MetadataEntry>;
      /** `{ [sessionId]: { playing, paused, videoId, … } }` [S1, 2026]. */
      playbackStateBySessionId?: Record<string, { playing?: unknown; videoId?: unknown }>;
    };
  };
}
/** `getCurrentVideo()` [S4, S5]. There is no public evidence of a `getShowId()`, so it is not read. */
export interface CurrentVideo {
  getTitle?: () => unknown;
  isEpisodic?: () => unknown;
  getEpisodeNumber?: () => unknown;
  getEpisodeTitle?: () => unknown;
  getSeason?: () => { _season?: { seq?: unknown } } | undefined;
}

/**
 * What the panel must never cover: what Netflix paints over the picture, never the layers that hold it. Each entry is
 * one thing (named by its first selector in the tests), its selectors fallbacks of one another (the first that matches anything is used); a box taller than
 * half the window is a layer, not a thing, and is never kept clear of (lib/watch/keep-clear.ts). Looked for on every
 * layout change of the player (debounced, never per frame).
 */
export const KEEP_CLEAR = [
  // The caption lines: each cue's text container inside Netflix's subtitle layer. The layer itself
  // (`.player-timedtext`) is written inline as `position: absolute; left: 0; top: 0; right: 0; bottom: 0`, the size
  // of the picture (docs/netflix-evidence.md, "Subtitles"), so it is not an obstacle; its children are the lines.
  ['.player-timedtext-text-container', '.player-timedtext > *'],
  // Image subtitles (some languages): the images in their own layer.
  ['.image-based-timed-text image'],
  ['[data-uia="player-skip-intro"]'],
  ['[data-uia="player-skip-recap"]'],
  ['[data-uia="player-skip-preplay"]'],
  ['[data-uia="next-episode-seamless-button"]'],
  ['[data-uia="next-episode-seamless-button-draining"]'],
  ['[data-uia="watch-credits-seamless-button"]'],
  // The control bar [S10, S15], inside the bottom controls container; mounted only while the controls show.
  ['[data-uia="controls-standard"]', '.watch-video--bottom-controls-container'],
] as const;
/** Each thing of KEEP_CLEAR by its first selector, as tests/fixtures/netflix/selector-counts.ts names them. */
export type KeepClearName = (typeof KEEP_CLEAR)[number][0];

/**
 * The subtitle layers, whose subtree is observed (and nothing wider) so that the panel follows the caption lines as
 * they change or move: Netflix moves a cue by rewriting its inline style, which the player's own observer ignores.
 */
export const CAPTION_LAYERS = '.player-timedtext, .image-based-timed-text';

/**
 * The element narrowed to make room for the panel in side-by-side mode: the player view inside Netflix's
 * fullscreen root (§2.3 [S15]; `[data-uia="player"]` [S15, S13] as the fallback). GUESS: that Netflix's picture
 * and controls follow this element's size (they do in every capture, which all show them filling it).
 */
export const PLAYER_VIEW = ['.watch-video--player-view', '[data-uia="player"]'] as const;

/** Every DOM selector list above, by name: the meta-tests check each against the imitation player. */
export const SELECTOR_TABLE = { PLAYER_ROOT, PLAYER_VIEW, VIDEO_ID_HOLDER, VIDEO, VIDEO_TITLE, CONTROLS } as const;
/** The same lists in the same order, without their names: what the content script counts (names cost bytes there). */
export const SELECTOR_LISTS = [PLAYER_ROOT, PLAYER_VIEW, VIDEO_ID_HOLDER, VIDEO, VIDEO_TITLE, CONTROLS] as const;
