/**
 * How far down the panel may reach without covering what the site paints over the picture (its buttons, its control
 * bar, the caption lines): the top of the highest obstacle that shares the panel's column, less a margin. Pure, so
 * that it is tested without layout; obstacleBoxes measures the page.
 */
export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const MARGIN = 8;

export function clearBottom(column: { left: number; right: number; top: number }, obstacles: Box[], limit: number): number {
  let bottom = limit;
  for (const o of obstacles) {
    const overlaps = o.right > column.left && o.left < column.right && o.bottom > column.top;
    if (overlaps && o.bottom > o.top) bottom = Math.min(bottom, o.top - MARGIN);
  }
  return Math.max(column.top, bottom);
}

/**
 * A layer, not a thing: a box at least half as tall as the window. Sites hold captions and buttons in layers the
 * size of the picture (Netflix's subtitle layer is one); keeping clear of a layer would leave the panel no room.
 */
export function isLayer(box: Box, windowHeight: number): boolean {
  return box.bottom - box.top >= windowHeight / 2;
}

/**
 * The boxes of everything the panel must keep clear of. `things` lists one entry per thing, each a list of
 * selectors that are fallbacks of one another: the first that matches anything is used. Layers are left out.
 */
export function obstacleBoxes(root: ParentNode, things: readonly (readonly string[])[], windowHeight: number): Box[] {
  return things.flatMap((selectors) => {
    for (const selector of selectors) {
      const found = [...root.querySelectorAll(selector)];
      if (found.length) return found.map((e) => e.getBoundingClientRect()).filter((b) => !isLayer(b, windowHeight));
    }
    return [];
  });
}
