/**
 * Side by side: the site's player view gives up the panel's column, and gets exactly its own inline styles back
 * (an element that had no style attribute gets none) when the panel closes, the mode changes or the page moves on.
 */

const NARROWED = ['position', 'top', 'bottom', 'left', 'right', 'width', 'height'] as const;

export interface PlayerNarrowing {
  /** Narrows `target` to leave a column `width` wide on one side; null gives the last one its styles back. */
  apply(target: HTMLElement | null, width: number, onLeft: boolean): void;
  /** Nothing is narrowed, or the element narrowed left the page (autoplay may replace the player view). */
  lost(): boolean;
}

export function playerNarrowing(): PlayerNarrowing {
  let narrowed: { element: HTMLElement; attribute: string | null; saved: [string, string, string][] } | undefined;
  // What the element's style was after the last narrowing, with its width and side: placing runs on every layout
  // change, and writing the same styles again would restyle the site's player each time.
  let written = '';

  const restore = () => {
    if (!narrowed) return;
    const { element, attribute, saved } = narrowed;
    for (const [name, value, priority] of saved) element.style.setProperty(name, value, priority);
    if (attribute === null && !element.getAttribute('style')) element.removeAttribute('style');
    narrowed = undefined;
  };

  return {
    apply(target, width, onLeft) {
      if (narrowed && narrowed.element !== target) restore();
      if (!target) return;
      const style = target.style;
      const key = `${width} ${onLeft} `;
      if (narrowed && written === key + style.cssText) return;
      narrowed ??= {
        element: target,
        attribute: target.getAttribute('style'),
        saved: NARROWED.map((n) => [n, style.getPropertyValue(n), style.getPropertyPriority(n)]),
      };
      const set = {
        position: 'absolute',
        top: '0',
        bottom: '0',
        height: 'auto',
        left: onLeft ? `${width}px` : '0',
        right: 'auto',
        width: `calc(100% - ${width}px)`,
      };
      for (const [name, value] of Object.entries(set)) style.setProperty(name, value, 'important');
      written = key + style.cssText;
    },
    lost: () => !narrowed?.element.isConnected,
  };
}
