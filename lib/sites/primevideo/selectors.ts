/**
 * Every Prime Video selector and page-world route the extension depends on, each list with fallbacks, the one the
 * evidence supports first. Evidence: shared/reference/primevideo-evidence.md, cited by its signal number (#1–#20).
 * Only stable hooks: the `atvwebplayersdk-*` class family, `dv-web-player` ids, `aria-label`s and element names.
 * Never the hashed atomic classes (`f1prfwap`, `fk87jrb`), which change between builds and A/B arms (§2).
 * Expected match counts on named pages of the imitation: tests/fixtures/primevideo/selector-counts.ts.
 */
import { queryFirst } from '../query';

export { queryFirst };

/**
 * The active player overlay (#2, #5, #6): `#dv-web-player.dv-player-fullscreen`, appended to <body> on the detail
 * page. Other `dv-web-player-N` containers exist (#6), so the active one is the one with the class.
 */
export const PLAYER_ROOT = ['div[id^="dv-web-player"].dv-player-fullscreen', '.dv-player-fullscreen'] as const;
/** The main <video> (#7): a blob: src; the overlay preview video (`tst-video-overlay-player-html5`) is not it. */
export const VIDEO = [
  '.dv-player-fullscreen .atvwebplayersdk-video-surface video[src]:not(.tst-video-overlay-player-html5)',
  '.dv-player-fullscreen video[src]:not(.tst-video-overlay-player-html5)',
  '.dv-player-fullscreen video',
] as const;
/** The show's (or film's) title (#8): the old arm's class, then the new arm's heading. May be duplicated and empty. */
export const TITLE = [
  '.atvwebplayersdk-title-text',
  '.atvwebplayersdk-player-container h1',
  '.webPlayerUIContainer .atvwebplayersdk-title-text',
] as const;
/** The episode line (#9): "Season 1, Ep. 4 The Ghouls" (old) or "S1 E2 Red Hair…" (new `episode-info`). */
export const EPISODE_LINE = ['.atvwebplayersdk-subtitle-text', '.atvwebplayersdk-episode-info'] as const;
/**
 * The controls (§2 "Controls"): mounted on pointer or Tab activity. The old arm's play/pause class, its id (the
 * A/B fallback anchor, NPAS 8f5c7c1d), then the seek bar, which exists only while the controls are up (TVC).
 */
export const CONTROLS = [
  '.dv-player-fullscreen .atvwebplayersdk-playpause-button',
  '.dv-player-fullscreen #atvwebplayersdk-play-pause-button',
  '.dv-player-fullscreen input[type="range"][aria-valuetext]',
] as const;
/**
 * The box narrowed in side-by-side mode: the overlay's one child, which holds the video surface and the player UI
 * (SNAP: `#dv-web-player > div.<hashed> > .atvwebplayersdk-video-surface + .atvwebplayersdk-player-container`).
 * GUESS: that the picture and the controls follow this box's size.
 */
export const PLAYER_VIEW = [
  'div[id^="dv-web-player"].dv-player-fullscreen > div:has(> .atvwebplayersdk-video-surface)',
  '.dv-player-fullscreen > div',
] as const;
/**
 * An ad is playing (#15): the ad timer of the active player, visible. Earlier names as fallbacks, then the family.
 * Ads play inside the same <video>, whose duration counts them.
 */
export const AD_TIMER = [
  '.dv-player-fullscreen .atvwebplayersdk-ad-timer-remaining-time',
  '.dv-player-fullscreen .atvwebplayersdk-ad-timer-text',
  '.dv-player-fullscreen [class*="ad-timer"]',
] as const;

/** The caption lines (#13): text changing in them may move them; text elsewhere (the clock) moves nothing. */
export const CAPTION_TEXT = '.atvwebplayersdk-captions-text';
/**
 * What the panel must never cover (#11–#14), one entry per thing, each a list of fallbacks: the skip intro/recap
 * button (the old class family, then the new arm's hashed button by its label), the next-up card, the new arm's
 * "Next Episode" button, the caption lines (the spans, not the full-size overlay), the X-Ray panel, the control bar.
 */
export const KEEP_CLEAR = [
  ['.dv-player-fullscreen [class*="skipelement"]', '.dv-player-fullscreen button[aria-label^="Skip"]'],
  ['.dv-player-fullscreen .atvwebplayersdk-nextupcard-wrapper', '.dv-player-fullscreen [class*="nextupcard-button"]'],
  ['.dv-player-fullscreen button[aria-label="Next Episode"]', '.dv-player-fullscreen .atvwebplayersdk-nexttitle-button'],
  ['.dv-player-fullscreen .atvwebplayersdk-captions-text'],
  ['.dv-player-fullscreen .xrayQuickView'],
  ['.dv-player-fullscreen .atvwebplayersdk-bottompanel-container', '.dv-player-fullscreen [class*="infobar-container"]'],
] as const;
/** Each thing of KEEP_CLEAR by its first selector, as tests/fixtures/primevideo/selector-counts.ts names them. */
export type KeepClearName = (typeof KEEP_CLEAR)[number][0];
/** Text never read as a title (PMD+): captions, the next-up card, toasts. */
export const NOT_TITLE = '.atvwebplayersdk-captions-text, .atvwebplayersdk-nextupcard-wrapper, .atvwebplayersdk-toast-wrapper';

/**
 * The page requests that carry the catalog (#16), matched by the page-world script: only `playerChromeResources`
 * asked with `catalogMetadataV2` holds `resources.catalogMetadataV2.catalog`.
 */
export const CATALOG_ROUTE = { path: '/playerChromeResources/v1', needs: 'catalogMetadataV2', idParam: 'entityId' } as const;

/**
 * Watch pages (#1): the player is an overlay on the detail page, so any detail page may have something playing:
 * primevideo.com `[/region/<r>]/detail/<id>`, amazon.<tld> `[/-/<lang>]/gp/video/detail/<id>`. (`/dp/<ASIN>` is
 * only in old code, grade C; left out.)
 */
export const WATCH_PATH =
  /^\/(?:region\/[a-z]{2}\/)?(?:-\/[a-z]{2}(?:[-_][a-z]{2})?\/)?(?:gp\/video\/)?detail\/[0-9A-Za-z]{10,26}(?:[/?#]|$)/i;

export function isWatchUrl(url: URL | Location): boolean {
  return WATCH_PATH.test(url.pathname);
}

/** Every DOM selector list above, by name: the meta-tests check each against the imitation. */
export const SELECTOR_TABLE = { PLAYER_ROOT, PLAYER_VIEW, VIDEO, TITLE, EPISODE_LINE, CONTROLS, AD_TIMER } as const;
export const SELECTOR_LISTS = [PLAYER_ROOT, PLAYER_VIEW, VIDEO, TITLE, EPISODE_LINE, CONTROLS, AD_TIMER] as const;
