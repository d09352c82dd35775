/**
 * The room the panel's frame has below the site's top band, as last measured, and whether the player's layout
 * changed since (stale). A hidden frame measures nothing (issue 31: a hidden panel costs nothing); a shown one with
 * a stale room is measured once the next frame is drawn, when the page's layout is clean: read then, the boxes
 * cost no style or layout work of their own, where read at once they would make the browser lay out the page the
 * site just changed (in the page's time, that work counts as Backstory's). Measured at once only as it is made, so
 * that the frame shows as soon as it may and has a room to lay out in.
 */
export interface FrameRoom {
  readonly height: number;
  /** The player's layout changed: measured again when the frame next shows. */
  stale(): void;
  /** Whether the room is current; if not, it is measured after the next frame and `place` runs again. */
  current(): boolean;
}

/** `shown`: whether the frame shows now (a frame hidden before the next frame measures nothing). */
export function frameRoom(measure: () => number, shown: () => boolean, place: () => void, signal: AbortSignal): FrameRoom {
  let height = measure();
  let stale = false;
  let measuring = false;
  return {
    get height() {
      return height;
    },
    stale: () => {
      stale = true;
    },
    current() {
      if (!stale) return true;
      if (!measuring) {
        measuring = true;
        requestAnimationFrame(() =>
          setTimeout(() => {
            measuring = false;
            if (signal.aborted || !stale || !shown()) return;
            stale = false;
            height = measure();
            place();
          }),
        );
      }
      return false;
    },
  };
}
