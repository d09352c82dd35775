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
 * in: shown, fading in (or in sight); out: fading out, still in sight for FADE_OUT_MS; gone: out of the way of the
 * pointer and the keyboard. The visibility changes in its own write when the fade-out is over, not as a delayed
 * visibility transition: Chromium runs that one on the main thread and, alongside an opacity transition, restyles
 * the element on every frame of it.
 */
export type Fade = 'in' | 'out' | 'gone';
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
  const place = `position:fixed;top:${column ? 0 : top}px;${near}:${column ? 0 : SIDE}px;${far}:auto;bottom:auto;width:${width}px;height:${height}px;border:0;margin:0;padding:0;background:transparent;z-index:2147483000;display:block;visibility:${fade === 'gone' ? 'hidden' : 'visible'}`;
  const opacity =
    fade === 'in' ? `opacity:1;transition:opacity ${FADE_IN_MS}ms` : `opacity:0;transition:opacity ${FADE_OUT_MS}ms`;
  return `${place.replace(/;|$/g, '!important;')}${opacity}`;
}

/**
 * What the frame's fade is after the panel is asked to show (`shown`) or not, from what it was (`now`): a shown
 * frame fades in, one in sight fades out, and one fading out or gone stays so (the end of the fade-out, FADE_OUT_MS
 * later, makes it gone).
 */
export const nextFade = (now: Fade, shown: boolean): Fade => (shown ? 'in' : now === 'in' ? 'out' : now);

/**
 * The frame's fade as the panel is asked to show or not: `fadeTo(shown)` says what to write now; FADE_OUT_MS after
 * a fade-out began, `gone` runs (the caller places the frame again, out of the way).
 */
export function frameFade(gone: () => void, signal: AbortSignal): (shown: boolean) => Fade {
  let fade: Fade = 'gone';
  let fading: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(fading));
  return (shown) => {
    const next = nextFade(fade, shown);
    if (next !== 'out') {
      clearTimeout(fading);
      fading = undefined;
    } else
      fading ??= setTimeout(() => {
        fading = undefined;
        fade = 'gone';
        gone();
      }, FADE_OUT_MS);
    fade = next;
    return fade;
  };
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
