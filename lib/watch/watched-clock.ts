/**
 * Decides when an episode counts as watched: when its <video> has played to within the last few minutes (the
 * credits), or ended. Watched is what unlocks the episode's own synopsis and notes, so it must mean "seen", not
 * "started". It listens to the video's own events and keeps one timer, set for the moment playback will reach
 * that point, so nothing runs while the video plays. Only the browser's own media events are heard (isTrusted):
 * the page can dispatch an `ended` or a `seeked` of its own, but not move the video's clock, which is read here.
 */

/** The share of the running time after which an episode counts as watched: the rest is mostly credits. */
export const WATCHED_FRACTION = 0.92;

import type { EpisodeTimeline } from '../sites/site';

/** The video's own time, for a site whose <video> plays only the episode. */
const OWN_TIME: EpisodeTimeline = {
  position: (video) => video.currentTime,
  duration: (video) => video.duration,
  onChange: () => () => undefined,
};

/**
 * Calls `onWatched` at most once for this video; aborting the signal stops the clock and drops the listeners.
 * `timeline` says which of the video's time is the episode's own (a site's ads play in the same <video>): none of
 * an ad's time counts, and while one plays the clock waits.
 */
export function startWatchedClock(
  video: HTMLVideoElement,
  onWatched: () => void,
  signal: AbortSignal,
  timeline: EpisodeTimeline = OWN_TIME,
): void {
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
    const duration = timeline.duration(video);
    const position = timeline.position(video);
    // A length not known yet (or a live stream) is waited for: 'durationchange' checks again; so is an ad's end.
    if (!Number.isFinite(duration) || duration <= 0 || position === undefined) return;
    const left = duration * WATCHED_FRACTION - position;
    if (left <= 0) return finish();
    if (!video.paused) timer = setTimeout(check, (left * 1000) / (video.playbackRate || 1));
  };
  for (const type of ['playing', 'seeked', 'durationchange', 'ratechange'])
    video.addEventListener(type, check, { signal: listening });
  // A pause, a stall or a new source stop the timer; playing again sets it afresh from where the video is.
  for (const type of ['pause', 'waiting', 'emptied']) video.addEventListener(type, stop, { signal: listening });
  // The end of the video is the episode's, unless an ad is what ended.
  video.addEventListener('ended', (event) => event.isTrusted && timeline.position(video) !== undefined && finish(), {
    signal: listening,
  });
  const unsubscribe = timeline.onChange(() => check());
  listening.addEventListener('abort', unsubscribe, { once: true });
  listening.addEventListener('abort', stop, { once: true });
  if (!video.paused) check();
}

/** The viewer is asked whether to count the episode playing (more than one past the furthest watched). */
export interface WatchedQuestion {
  furthestEpisodeId?: string;
}

type RecordWatched = (showId: string, episodeId: string) => Promise<{ status: string; furthestEpisodeId?: string }>;

export interface WatchedRecorder {
  /** Starts the clock for a confirmed episode on its <video>; anything else only stops the previous clock. */
  arm(
    video: HTMLVideoElement | null | undefined,
    episode: { showId: string; episodeId: string; confirmed: boolean } | undefined,
    /** Which of the video's time is the episode's own (site.timeline: a site's ads play in the same <video>). */
    timeline?: EpisodeTimeline,
  ): void;
  /** The viewer answered the question in the panel's frame (which records a yes itself): it goes. */
  answered(): void;
  disarm(): void;
}

/**
 * Records the episode playing as watched when its clock says so. Only an episode the background confirmed counts
 * (it checks again), and one more than an episode past the furthest watched is counted only when the viewer says
 * so, in the panel's frame: `onQuestion` asks (and clears the question with undefined).
 */
export function watchedRecorder(
  record: RecordWatched,
  onQuestion: (q: WatchedQuestion | undefined) => void,
  signal: AbortSignal,
): WatchedRecorder {
  let arm = new AbortController();
  const disarm = () => {
    arm.abort();
    onQuestion(undefined);
  };
  return {
    arm(video, episode, timeline) {
      disarm();
      arm = new AbortController();
      if (!video || !episode?.confirmed) return;
      const { showId, episodeId } = episode;
      const on = AbortSignal.any([signal, arm.signal]);
      startWatchedClock(
        video,
        async () => {
          const result = await record(showId, episodeId).catch(() => undefined);
          if (!on.aborted && result?.status === 'confirm') onQuestion({ furthestEpisodeId: result.furthestEpisodeId });
        },
        on,
        timeline,
      );
    },
    answered: () => onQuestion(undefined),
    disarm,
  };
}
