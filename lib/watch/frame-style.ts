/**
 * The panel frame's inline style: where it sits and whether it shows. Written important and inline, so the
 * site's style sheets cannot move or hide it by accident, and only when it changed.
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

export function frameStyle({ top, column, onLeft, width, height, shown }: FramePlace): Record<string, string> {
  return {
    position: 'fixed',
    top: `${column ? 0 : top}px`,
    [onLeft ? 'left' : 'right']: `${column ? 0 : SIDE}px`,
    [onLeft ? 'right' : 'left']: 'auto',
    bottom: 'auto',
    width: `${width}px`,
    height: `${height}px`,
    border: '0',
    margin: '0',
    padding: '0',
    background: 'transparent',
    'z-index': '2147483000',
    display: 'block',
    // Faded, then out of the way of the pointer and the keyboard; back as soon as the viewer attends.
    visibility: shown ? 'visible' : 'hidden',
    opacity: shown ? '1' : '0',
    transition: shown ? 'opacity 150ms' : 'opacity 300ms, visibility 0s 300ms',
  };
}

/**
 * Writes a style only when it changed (placing runs on every layout change of the player), or when the element's
 * style is no longer what was written (a page script may touch it).
 */
export function styleWriter(element: HTMLElement): (style: Record<string, string>) => void {
  let written = '';
  let writtenCss = '';
  return (style) => {
    const key = JSON.stringify(style);
    if (key === written && element.style.cssText === writtenCss) return;
    written = key;
    for (const [name, value] of Object.entries(style)) element.style.setProperty(name, value, 'important');
    writtenCss = element.style.cssText;
  };
}
