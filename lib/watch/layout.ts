/**
 * The panel's geometry and visibility, as pure functions of what the content script measures, so that each rule
 * is unit-tested without a browser (layout.test.ts); panel-frame.ts applies them.
 */
import type { PanelMode, PanelSize } from '../settings/settings';

/** Room kept free at the panel's sides (above and below it, the site's controlBand: lib/sites/site.ts). */
export const SIDE = 16;
export const HANDLE = { width: 148, height: 48 };

/** The panel's share of the player's width, per size; never narrower than MIN_WIDTH or wider than MAX_WIDTH. */
const SHARE: Record<PanelSize, number> = { compact: 0.2, standard: 0.25, large: 0.3 };
const MIN_WIDTH = 300;
const MAX_WIDTH = 600;
/** In side-by-side mode the picture keeps at least this share of the window. */
const PICTURE_SHARE = 0.6;

export function panelWidth(size: PanelSize, viewport: number, mode: PanelMode): number {
  const wanted = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, viewport * SHARE[size]));
  const room = mode === 'side' ? viewport * (1 - PICTURE_SHARE) : viewport - 2 * SIDE;
  return Math.round(Math.max(0, Math.min(wanted, room)));
}

/**
 * Body text in CSS pixels, scaled with the player: 16 px at 1920 wide (names are 1.25 times that, 20 px), never
 * under 14 px on a small window, and a quarter larger with Large text.
 */
export function fontSize(viewport: number, text: 'standard' | 'large'): number {
  const base = Math.min(22, Math.max(14, viewport / 120));
  return Math.round(base * (text === 'large' ? 1.25 : 1) * 2) / 2;
}

/** What the content script knows about the viewer's attention, all from the site's own state or events. */
export interface Activity {
  /** the site's controls are mounted (they are, only while the viewer moves the pointer or presses keys). */
  controls: boolean;
  /** The video is paused. */
  paused: boolean;
  /** The pointer is over the panel, or the keyboard focus is in it. */
  engaged: boolean;
  /** The viewer just opened the panel (button or shortcut): shown until they leave it or the controls fade. */
  held: boolean;
}

/**
 * Whether the frame is shown. The handle (panel closed) comes and goes with the site's controls in every mode.
 * Open: over the picture (overlay) only while the viewer is attending to the player, like Prime Video's X-Ray;
 * in its own column (side) or pinned, always.
 */
export function isShown(mode: PanelMode, open: boolean, activity: Activity): boolean {
  const attending = activity.controls || activity.paused || activity.engaged || activity.held;
  if (!open) return attending;
  return mode === 'overlay' ? attending : true;
}
