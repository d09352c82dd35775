/**
 * How far down the panel may reach without covering any of the site's own buttons or the subtitle box: the top of
 * the highest obstacle that shares the panel's column, less a margin. Pure, so that it is tested without layout.
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
