/**
 * The ad time inside Prime Video's <video> (#15: ads play in the same element, and its `duration` counts them):
 * the ad breaks seen so far, noted when the ad timer comes and goes (TVC keeps the same "ad clock"). The episode's
 * own position is the video's less the ads before it; its own length, the video's less every ad seen. Ads still
 * to come are not known, so the length is an over-estimate until they have played: "watched" comes late, never early.
 */
import type { EpisodeTimeline } from '../site';

export interface AdLedger extends EpisodeTimeline {
  /** The ad timer is (or is not) shown at this point of the video. */
  note(active: boolean, videoTime: number): void;
  /** A new episode in the same <video>: its ads start afresh. */
  reset(): void;
  readonly active: boolean;
}

export function createAdLedger(): AdLedger {
  let breaks: { start: number; end: number }[] = [];
  let openAt: number | undefined;
  const listeners = new Set<() => void>();
  const adBefore = (t: number) => breaks.reduce((sum, b) => sum + (b.start < t ? Math.min(b.end, t) - b.start : 0), 0);
  return {
    get active() {
      return openAt !== undefined;
    },
    note(active, videoTime) {
      if (active === (openAt !== undefined)) return;
      if (active) openAt = videoTime;
      else {
        if (openAt !== undefined && videoTime > openAt) breaks.push({ start: openAt, end: videoTime });
        openAt = undefined;
      }
      for (const l of listeners) l();
    },
    reset() {
      breaks = [];
      openAt = undefined;
    },
    position(video) {
      if (openAt !== undefined) return undefined;
      return Math.max(0, video.currentTime - adBefore(video.currentTime));
    },
    duration(video) {
      return video.duration - breaks.reduce((sum, b) => sum + b.end - b.start, 0);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
