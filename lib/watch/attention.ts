/**
 * What the watch session knows of the viewer's attention to the player (layout.ts, Activity), from the site's own
 * state and the video's events: the panel over the picture comes and goes with it (overlay mode).
 */
import { queryFirst } from '../sites/query';
import type { SiteAdapter } from '../sites/site';
import type { Activity } from './layout';

export interface Attention {
  readonly activity: Activity;
  /** Changes what is known; `onChange` hears of it when whether the panel shows changes. */
  set(change: Partial<Activity>): void;
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
  const set = (change: Partial<Activity>) => {
    const before = shown(activity);
    Object.assign(activity, change);
    if (shown(activity) !== before) onChange();
  };
  // Media events do not bubble, but a capturing listener on the document sees every <video>'s, autoplay included.
  document.addEventListener('pause', () => set({ paused: true }), { signal, capture: true });
  document.addEventListener('playing', () => set({ paused: false }), { signal, capture: true });
  return { activity, set };
}
