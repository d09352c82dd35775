/**
 * What the watch session knows of the viewer's attention to the player (layout.ts, Activity), from the site's own
 * state, the video's events and what the panel's frame reports: the panel over the picture comes and goes with
 * it (overlay mode). `onChange` hears of every change of whether the panel shows.
 */
import { queryFirst } from '../sites/query';
import type { SiteAdapter } from '../sites/site';
import type { Activity } from './layout';

/** How long a panel that appeared by itself stays in sight after it painted. */
export const ANNOUNCE_MS = 4000;

/** What the frame reports: the pointer is over it; keys were just pressed in it, or a question awaits an answer. */
export interface Engagement {
  pointer?: boolean;
  using?: boolean;
}

export interface Attention {
  readonly activity: Activity;
  /** The site's controls showed or went: a panel opened by hand then fades with them. */
  controls(shown: boolean): void;
  /** The viewer opened the panel by hand: shown until they leave it or the controls fade. */
  hold(): void;
  /** The panel appeared by itself: in sight for ANNOUNCE_MS whatever the controls do. */
  announce(): void;
  /** The frame painted: the time in sight of an announced panel counts from now. */
  painted(): void;
  engage(change: Engagement): void;
}

export function watchAttention(
  site: SiteAdapter,
  playerRoot: Element,
  shown: (activity: Activity) => boolean,
  onChange: () => void,
  signal: AbortSignal,
): Attention {
  // The site's player starts playing; a video already paused (and loaded) counts as paused.
  const video = queryFirst<HTMLVideoElement>(document, site.video);
  const activity: Activity = {
    controls: !!queryFirst(playerRoot, site.controls),
    paused: !!video && video.paused && video.readyState > 0,
    engaged: false,
    held: false,
  };
  const engagement: Engagement = {};
  let announced: ReturnType<typeof setTimeout> | undefined;
  const set = (change: Partial<Activity>) => {
    const before = shown(activity);
    Object.assign(activity, change);
    if (shown(activity) !== before) onChange();
  };
  const announce = () => {
    clearTimeout(announced);
    announced = setTimeout(() => {
      announced = undefined;
      set({ held: false });
    }, ANNOUNCE_MS);
    set({ held: true });
  };
  const engage = (change: Engagement) => {
    Object.assign(engagement, change);
    const engaged = !!(engagement.pointer || engagement.using);
    // The viewer left the panel: one opened by hand now fades with the controls too.
    set(engaged || announced ? { engaged } : { engaged, held: false });
  };
  // Media events do not bubble, but a capturing listener on the document sees every <video>'s, autoplay included.
  document.addEventListener('pause', () => set({ paused: true }), { signal, capture: true });
  document.addEventListener('playing', () => set({ paused: false }), { signal, capture: true });
  // The pointer moving over the page is not over the frame (whose own "left" may never come: a frame's pointer
  // events stop at its edge, and a jump out of it is not always reported inside).
  document.addEventListener('pointermove', () => engagement.pointer && engage({ pointer: false }), { signal });
  signal.addEventListener('abort', () => clearTimeout(announced));
  return {
    activity,
    controls(controls) {
      // The controls faded: a panel opened by hand now fades with them too.
      set(activity.controls && !controls && !announced ? { controls, held: false } : { controls });
    },
    hold: () => set({ held: true }),
    announce,
    painted: () => announced && announce(),
    engage,
  };
}
