/**
 * Decides when an episode counts as watched: once its <video> has played for WATCHED_AFTER_MS without a pause.
 * It listens to the video's own playing/pause events and keeps one timer, so nothing runs while the video plays.
 */

export const WATCHED_AFTER_MS = 120_000;

/** Calls `onWatched` at most once for this video; aborting the signal stops the clock and drops the listeners. */
export function startWatchedClock(video: HTMLVideoElement, onWatched: () => void, signal: AbortSignal): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => clearTimeout(timer);
  const done = new AbortController();
  const listening = AbortSignal.any([signal, done.signal]);
  const start = () => {
    stop();
    timer = setTimeout(() => {
      done.abort();
      onWatched();
    }, WATCHED_AFTER_MS);
  };
  video.addEventListener('playing', start, { signal: listening });
  // A pause, a seek that stalls, or a new source all restart the count from zero.
  for (const type of ['pause', 'waiting', 'emptied']) video.addEventListener(type, stop, { signal: listening });
  listening.addEventListener('abort', stop, { once: true });
  if (!video.paused) start();
}
