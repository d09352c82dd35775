/**
 * The panel frame's inline style: where it sits and whether it shows. Written inline, so the site's style sheets
 * cannot move or hide it by accident, in one `style.cssText` (one style change on one element, not a property at
 * a time), and only when it changed. Everything is important but the opacity and its transition: Chromium runs an
 * opacity transition on the compositor only when no important declaration sets the opacity, and otherwise restyles
 * the frame's element on the page's main thread on every frame of the fade (issue 31: about 27 style recalculations
 * of the page per controls show and hide, with the page's paint and commit each time).
 */
import { SIDE } from './layout';

/**
 * in: shown, fading in (or in sight); out: fading out, then transparent. A hidden frame stays drawn, transparent,
 * rather than `visibility: hidden`: a frame hidden that way keeps nothing and is painted again from scratch each time
 * it shows (issue 31: most of the extension process's CPU while the controls come and go), and the step that hid
 * it after the fade-out was one more style write and restyle of the page per cycle. Out of the way of the pointer
 * from the moment it starts fading out (`pointer-events`, here) and of the keyboard (`inert`, set by the caller on
 * the element in the same task: frameInert).
 */
export type Fade = 'in' | 'out';
export const FADE_IN_MS = 150;
export const FADE_OUT_MS = 300;

export interface FramePlace {
  /** Over the picture, it starts below the site's top band (site.controlBand.top). */
  top: number;
  /** In a column of its own (side by side): full height, at the edge. */
  column: boolean;
  onLeft: boolean;
  width: number;
  height: number;
  fade: Fade;
}

export function frameStyle({ top, column, onLeft, width, height, fade }: FramePlace): string {
  const [near, far] = onLeft ? ['left', 'right'] : ['right', 'left'];
  const place = `position:fixed;top:${column ? 0 : top}px;${near}:${column ? 0 : SIDE}px;${far}:auto;bottom:auto;width:${width}px;height:${height}px;border:0;margin:0;padding:0;background:transparent;z-index:2147483000;display:block;visibility:visible;pointer-events:${fade === 'in' ? 'auto' : 'none'}`;
  const opacity =
    fade === 'in' ? `opacity:1;transition:opacity ${FADE_IN_MS}ms` : `opacity:0;transition:opacity ${FADE_OUT_MS}ms`;
  return `${place.replace(/;|$/g, '!important;')}${opacity}`;
}

/**
 * Keeps a hidden frame out of the keyboard: an inert frame's document takes no focus and no clicks (Chromium and
 * Firefox carry `inert` into the frame's document, cross-origin too). Written only when it changes.
 */
export function frameInert(frame: HTMLElement, fade: Fade) {
  const inert = fade === 'out';
  if (frame.hasAttribute('inert') !== inert) frame.toggleAttribute('inert', inert);
}

/**
 * Writes a style only when it changed (placing runs on every layout change of the player), or when the element's
 * style is no longer what was written (a page script may touch it).
 */
export function styleWriter(element: HTMLElement): (css: string) => void {
  let written = '';
  let writtenCss = '';
  return (css) => {
    if (css === written && element.style.cssText === writtenCss) return;
    written = css;
    element.style.cssText = css;
    writtenCss = element.style.cssText;
  };
}
