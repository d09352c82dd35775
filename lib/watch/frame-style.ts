/**
 * The panel frame's inline style: where it sits and whether it shows. Written important and inline, so the
 * site's style sheets cannot move or hide it by accident, in one `style.cssText` (one style change on one element,
 * not a property at a time), and only when it changed.
 */
import { SIDE } from './layout';

export interface FramePlace {
  /** Over the picture, it starts below the site's top band (site.controlBand.top). */
  top: number;
  /** In a column of its own (side by side): full height, at the edge. */
  column: boolean;
  onLeft: boolean;
  width: number;
  height: number;
  shown: boolean;
}

export function frameStyle({ top, column, onLeft, width, height, shown }: FramePlace): string {
  const [near, far] = onLeft ? ['left', 'right'] : ['right', 'left'];
  // Faded, then out of the way of the pointer and the keyboard; back as soon as the viewer attends.
  const fade = shown
    ? 'visible;opacity:1;transition:opacity 150ms'
    : 'hidden;opacity:0;transition:opacity 300ms,visibility 0s 300ms';
  return `position:fixed;top:${column ? 0 : top}px;${near}:${column ? 0 : SIDE}px;${far}:auto;bottom:auto;width:${width}px;height:${height}px;border:0;margin:0;padding:0;background:transparent;z-index:2147483000;display:block;visibility:${fade}`.replace(
    /;|$/g,
    '!important;',
  );
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
