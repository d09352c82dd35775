/**
 * Decides when an episode counts as watched: when its <video> has played to within the last few minutes (the
 * credits), or ended. Watched is what unlocks the episode's own synopsis and notes, so it must mean "seen", not
 * "started". It listens to the video's own events and keeps one timer, set for the moment playback will reach
 * that point, so nothing runs while the video plays. Only the browser's own media events are heard (isTrusted):
 * the page can dispatch an `ended` or a `seeked` of its own, but not move the video's clock, which is read here.
 */

/** The share of the running time after which an episode counts as watched: the rest is mostly credits. */
export const WATCHED_FRACTION = 0.92;

/** Calls `onWatched` at most once for this video; aborting the signal stops the clock and drops the listeners. */
export function startWatchedClock(video: HTMLVideoElement, onWatched: () => void, signal: AbortSignal): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => clearTimeout(timer);
  const done = new AbortController();
  const listening = AbortSignal.any([signal, done.signal]);
  const finish = () => {
    stop();
    done.abort();
    onWatched();
  };
  /** Reads the video's clock; `event` is the media event that asked (none: the timer). */
  const check = (event?: Event) => {
    if (event && !event.isTrusted) return;
    stop();
    const { duration, currentTime } = video;
    // A length not known yet (or a live stream) is waited for: 'durationchange' checks again.
    if (!Number.isFinite(duration) || duration <= 0) return;
    const left = duration * WATCHED_FRACTION - currentTime;
    if (left <= 0) return finish();
    if (!video.paused) timer = setTimeout(check, (left * 1000) / (video.playbackRate || 1));
  };
  for (const type of ['playing', 'seeked', 'durationchange', 'ratechange'])
    video.addEventListener(type, check, { signal: listening });
  // A pause, a stall or a new source stop the timer; playing again sets it afresh from where the video is.
  for (const type of ['pause', 'waiting', 'emptied']) video.addEventListener(type, stop, { signal: listening });
  video.addEventListener('ended', (event) => event.isTrusted && finish(), { signal: listening });
  listening.addEventListener('abort', stop, { once: true });
  if (!video.paused) check();
}
