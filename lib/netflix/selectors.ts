/**
 * Every Netflix selector and page-world path the extension depends on, in one place, each with fallbacks.
 * Only stable hooks are used (data-uia, data-videoid, element names, the watch-video class family); never the
 * hashed `ltr-…` classes, which change with every Netflix release. tests/netflix-selectors.test.ts checks each
 * entry against the fixture pages.
 */

/** The player's root: the panel mounts inside it so it stays visible when Netflix goes fullscreen. */
export const PLAYER_ROOT = ['.watch-video', '[data-uia="watch-video"]', '[data-uia="player"]'] as const;
/** Where Netflix keeps the id of the video on screen. */
export const VIDEO_ID_HOLDER = ['[data-videoid]'] as const;
export const VIDEO = ['.watch-video video', '[data-uia="player"] video', 'video'] as const;
/** The title block of the control bar: `<h4>Show</h4><span>S1:E3</span><span>Episode title</span>`. */
export const VIDEO_TITLE = ['[data-uia="video-title"]', '[data-uia="player-title"]'] as const;
/** The control bar, which the panel must never cover. */
export const CONTROLS = ['[data-uia="controls-standard"]', '[data-uia="player-controls"]'] as const;

export const WATCH_PATH = /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?watch\/(\d{1,15})(?:[/?#]|$)/i;

/** Same-origin metadata routes, newest first. The one that answers is remembered. */
export const METADATA_TEMPLATES = [
  '/nq/website/memberapi/release/metadata?movieid={id}',
  '/api/shakti/mre/metadata?movieid={id}',
] as const;

export function queryFirst<E extends Element = Element>(root: ParentNode, selectors: readonly string[]): E | null {
  for (const selector of selectors) {
    const hit = root.querySelector<E>(selector);
    if (hit) return hit;
  }
  return null;
}

export function videoIdFromUrl(url: URL | Location): string | undefined {
  return WATCH_PATH.exec(url.pathname)?.[1];
}

export function isWatchUrl(url: URL | Location): boolean {
  return WATCH_PATH.test(url.pathname);
}

/**
 * Page-world paths, read by entrypoints/netflix-page.ts inside Netflix's own JavaScript world. All of them are
 * undocumented internals: every step is optional and any exception means "not available".
 */
export const PAGE_WORLD = {
  playerApp: (w: Window) => (w as unknown as NetflixWindow).netflix?.appContext?.state?.playerApp,
  reactContext: (w: Window) => (w as unknown as NetflixWindow).netflix?.reactContext,
} as const;

/** The little of Netflix's page-world objects that the page script touches. */
export interface NetflixWindow {
  netflix?: {
    appContext?: { state?: { playerApp?: PlayerApp } };
    reactContext?: { models?: { services?: { data?: { memberapi?: { hostname?: unknown; path?: unknown } } } } };
  };
}
export interface PlayerApp {
  getAPI?: () => {
    videoPlayer?: {
      getAllPlayerSessionIds?: () => unknown;
      getVideoPlayerBySessionId?: (id: string) => { getMovieId?: () => unknown } | undefined;
    };
    getVideoMetadataByVideoId?: (id: unknown) => { getCurrentVideo?: () => CurrentVideo | undefined } | undefined;
  };
  getState?: () => { videoPlayer?: { videoMetadata?: Record<string, { _metadata?: { video?: unknown } }> } };
}
export interface CurrentVideo {
  getTitle?: () => unknown;
  isEpisodic?: () => unknown;
  getEpisodeNumber?: () => unknown;
  getEpisodeTitle?: () => unknown;
  getSeason?: () => { _season?: { seq?: unknown } } | undefined;
  getShowId?: () => unknown;
}

/** Every DOM selector list above, by name: the meta-tests check each against the imitation player. */
export const SELECTOR_TABLE = { PLAYER_ROOT, VIDEO_ID_HOLDER, VIDEO, VIDEO_TITLE, CONTROLS } as const;
