/**
 * Decides when an episode counts as watched: when its <video> has played to within the last few minutes (the
 * credits), or ended. Watched is what unlocks the episode's own synopsis and notes, so it must mean "seen", not
 * "started". It listens to the video's own events and keeps one timer, set for the moment playback will reach
 * that point, so nothing runs while the video plays.
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
  const check = () => {
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
  video.addEventListener('ended', finish, { signal: listening });
  listening.addEventListener('abort', stop, { once: true });
  if (!video.paused) check();
}

/** The viewer is asked whether to count the episode playing (more than one past the furthest watched). */
export interface WatchedQuestion {
  furthestEpisodeId?: string;
}

type RecordWatched = (
  showId: string,
  episodeId: string,
  confirmed: boolean,
) => Promise<{ status: 'recorded' | 'already' } | { status: 'confirm'; furthestEpisodeId?: string } | undefined>;

export interface WatchedRecorder {
  /** Starts the clock for a confirmed episode on its <video>; anything else only stops the previous clock. */
  arm(
    video: HTMLVideoElement | null | undefined,
    episode: { showId: string; episodeId: string; confirmed: boolean } | undefined,
  ): void;
  /** The viewer's answer to the question: yes records the episode. */
  answer(yes: boolean): Promise<void>;
  disarm(): void;
}

/**
 * Records the episode playing as watched when its clock says so. Only a confirmed episode counts (one signal
 * alone can come from the page), and one more than an episode past the furthest watched is counted only when
 * the viewer says so: `onQuestion` asks (and clears the question with undefined).
 */
export function watchedRecorder(
  record: RecordWatched,
  onQuestion: (q: WatchedQuestion | undefined) => void,
  signal: AbortSignal,
): WatchedRecorder {
  let arm = new AbortController();
  let armed: { showId: string; episodeId: string } | undefined;
  const recordNow = async (showId: string, episodeId: string, confirmed: boolean, on: AbortSignal) => {
    const result = await record(showId, episodeId, confirmed).catch(() => undefined);
    if (!on.aborted && result?.status === 'confirm') onQuestion({ furthestEpisodeId: result.furthestEpisodeId });
  };
  const disarm = () => {
    arm.abort();
    armed = undefined;
    onQuestion(undefined);
  };
  return {
    arm(video, episode) {
      disarm();
      arm = new AbortController();
      if (!video || !episode?.confirmed) return;
      const { showId, episodeId } = episode;
      armed = { showId, episodeId };
      const on = AbortSignal.any([signal, arm.signal]);
      startWatchedClock(video, () => void recordNow(showId, episodeId, false, on), on);
    },
    async answer(yes) {
      onQuestion(undefined);
      if (yes && armed) await recordNow(armed.showId, armed.episodeId, true, arm.signal);
    },
    disarm,
  };
}
