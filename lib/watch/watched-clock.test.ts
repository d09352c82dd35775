import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startWatchedClock, WATCHED_FRACTION } from './watched-clock';

/** A <video> whose clock the test moves: duration, position and paused are plain properties. */
function video({ duration = 1500, currentTime = 0, paused = true } = {}) {
  const v = document.createElement('video');
  const state = { duration, currentTime, paused };
  for (const key of Object.keys(state) as (keyof typeof state)[])
    Object.defineProperty(v, key, { get: () => state[key], configurable: true });
  Object.defineProperty(v, 'playbackRate', { value: 1 });
  return { v, state };
}
/** A media event as the browser fires it (isTrusted), or as a page script dispatches it. */
const fire = (v: HTMLVideoElement, type: string, trusted = true) => {
  const event = new Event(type);
  if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
  return v.dispatchEvent(event);
};
const ms = (seconds: number) => seconds * 1000;

describe('the watched clock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts an episode as watched when playback reaches the credits, once, not a moment before', () => {
    const { v, state } = video({ duration: 1000 });
    const watched = vi.fn();
    startWatchedClock(v, watched, new AbortController().signal);
    state.paused = false;
    fire(v, 'playing');
    vi.advanceTimersByTime(ms(1000 * WATCHED_FRACTION) - 1);
    expect(watched).not.toHaveBeenCalled();
    state.currentTime = 1000 * WATCHED_FRACTION;
    vi.advanceTimersByTime(1);
    expect(watched).toHaveBeenCalledTimes(1);
    fire(v, 'playing');
    fire(v, 'ended');
    expect(watched).toHaveBeenCalledTimes(1);
  });

  it('does not count an episode that was only started', () => {
    const { v, state } = video({ duration: 1500 });
    const watched = vi.fn();
    startWatchedClock(v, watched, new AbortController().signal);
    state.paused = false;
    fire(v, 'playing');
    state.currentTime = 120;
    fire(v, 'pause');
    vi.advanceTimersByTime(ms(3600));
    expect(watched).not.toHaveBeenCalled();
  });

  it('sets its timer afresh after a pause or a seek, from where the video is', () => {
    const { v, state } = video({ duration: 1000, currentTime: 500, paused: false });
    const watched = vi.fn();
    startWatchedClock(v, watched, new AbortController().signal);
    state.paused = true;
    fire(v, 'pause');
    vi.advanceTimersByTime(ms(1000));
    expect(watched).not.toHaveBeenCalled();
    state.paused = false;
    state.currentTime = 900;
    fire(v, 'seeked');
    vi.advanceTimersByTime(ms(20) - 1);
    expect(watched).not.toHaveBeenCalled();
    state.currentTime = 920;
    vi.advanceTimersByTime(1);
    expect(watched).toHaveBeenCalledTimes(1);
  });

  it('counts a video that ends, and waits for a length it does not know yet', () => {
    const { v, state } = video({ duration: Number.NaN, paused: false });
    const watched = vi.fn();
    startWatchedClock(v, watched, new AbortController().signal);
    vi.advanceTimersByTime(ms(3600));
    expect(watched).not.toHaveBeenCalled();
    state.duration = 100;
    state.currentTime = 95;
    fire(v, 'durationchange');
    expect(watched).toHaveBeenCalledTimes(1);
    const other = video();
    const ended = vi.fn();
    startWatchedClock(other.v, ended, new AbortController().signal);
    fire(other.v, 'ended');
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('hears only the browser’s own media events: a page’s ended or seeked never counts (review 2, N2)', () => {
    const { v, state } = video({ duration: 1000 });
    const watched = vi.fn();
    startWatchedClock(v, watched, new AbortController().signal);
    fire(v, 'ended', false);
    expect(watched).not.toHaveBeenCalled();
    // A page's seeked at a forged position reads the real clock only when the browser fires it.
    state.currentTime = 990;
    fire(v, 'seeked', false);
    fire(v, 'durationchange', false);
    expect(watched).not.toHaveBeenCalled();
    fire(v, 'seeked');
    expect(watched).toHaveBeenCalledTimes(1);
  });

  it('stops on abort and drops its listeners', () => {
    const { v, state } = video({ duration: 100, paused: false });
    const watched = vi.fn();
    const stop = new AbortController();
    startWatchedClock(v, watched, stop.signal);
    stop.abort();
    state.currentTime = 99;
    vi.advanceTimersByTime(ms(200));
    fire(v, 'ended');
    expect(watched).not.toHaveBeenCalled();
  });
});

describe('the watched clock with ads in the same <video>', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A timeline as a site with ads keeps it: 100 s of ads before the playhead, none counted. */
  function timeline(ad: { active: boolean; seconds: number }) {
    const listeners = new Set<() => void>();
    return {
      position: (v: HTMLVideoElement) => (ad.active ? undefined : v.currentTime - ad.seconds),
      duration: (v: HTMLVideoElement) => v.duration - ad.seconds,
      onChange(listener: () => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      emit: () => {
        for (const l of listeners) l();
      },
    };
  }

  it('counts only the episode’s own time: the ad’s seconds neither bring it forward nor count', () => {
    const { v, state } = video({ duration: 1100, currentTime: 0 });
    const ad = { active: false, seconds: 100 };
    const line = timeline(ad);
    const watched = vi.fn();
    startWatchedClock(v, watched, new AbortController().signal, line);
    state.paused = false;
    // By the video's own clock 92 % is 1012 s; by the episode's it is 100 + 920 = 1020 s.
    state.currentTime = 1015;
    fire(v, 'seeked');
    expect(watched).not.toHaveBeenCalled();
    state.currentTime = 1020;
    fire(v, 'seeked');
    expect(watched).toHaveBeenCalledTimes(1);
  });

  it('waits while an ad plays, even past the mark, and checks again when it ends', () => {
    const { v, state } = video({ duration: 1000, currentTime: 950 });
    const ad = { active: true, seconds: 0 };
    const line = timeline(ad);
    const watched = vi.fn();
    startWatchedClock(v, watched, new AbortController().signal, line);
    state.paused = false;
    fire(v, 'playing');
    vi.advanceTimersByTime(ms(60));
    expect(watched).not.toHaveBeenCalled();
    // An ad that ends the video is not the episode's end.
    fire(v, 'ended');
    expect(watched).not.toHaveBeenCalled();
    ad.active = false;
    line.emit();
    expect(watched).toHaveBeenCalledTimes(1);
  });

  it('stops hearing the timeline once stopped', () => {
    const { v, state } = video({ duration: 1000, currentTime: 990 });
    const ad = { active: true, seconds: 0 };
    const line = timeline(ad);
    const watched = vi.fn();
    const stop = new AbortController();
    startWatchedClock(v, watched, stop.signal, line);
    state.paused = false;
    stop.abort();
    ad.active = false;
    line.emit();
    expect(watched).not.toHaveBeenCalled();
  });
});
