import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startWatchedClock, WATCHED_AFTER_MS } from './watched-clock';

function video(paused = true): HTMLVideoElement {
  const v = document.createElement('video');
  Object.defineProperty(v, 'paused', { value: paused });
  return v;
}
const fire = (v: HTMLVideoElement, type: string) => v.dispatchEvent(new Event(type));

describe('the watched clock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts an episode as watched after two minutes of uninterrupted playback, once', () => {
    const v = video();
    const watched = vi.fn();
    startWatchedClock(v, watched, new AbortController().signal);
    fire(v, 'playing');
    vi.advanceTimersByTime(WATCHED_AFTER_MS - 1);
    expect(watched).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(watched).toHaveBeenCalledTimes(1);
    fire(v, 'playing');
    vi.advanceTimersByTime(WATCHED_AFTER_MS * 2);
    expect(watched).toHaveBeenCalledTimes(1);
  });

  it('starts at once on a video that is already playing', () => {
    const watched = vi.fn();
    startWatchedClock(video(false), watched, new AbortController().signal);
    vi.advanceTimersByTime(WATCHED_AFTER_MS);
    expect(watched).toHaveBeenCalledTimes(1);
  });

  it.each(['pause', 'waiting', 'emptied'])('starts the count again after %s', (interruption) => {
    const v = video();
    const watched = vi.fn();
    startWatchedClock(v, watched, new AbortController().signal);
    fire(v, 'playing');
    vi.advanceTimersByTime(WATCHED_AFTER_MS - 1000);
    fire(v, interruption);
    vi.advanceTimersByTime(WATCHED_AFTER_MS);
    expect(watched).not.toHaveBeenCalled();
    fire(v, 'playing');
    vi.advanceTimersByTime(WATCHED_AFTER_MS);
    expect(watched).toHaveBeenCalledTimes(1);
  });

  it('stops and stops listening when its signal aborts (a new episode, the page going away)', () => {
    const v = video();
    const watched = vi.fn();
    const arm = new AbortController();
    startWatchedClock(v, watched, arm.signal);
    fire(v, 'playing');
    arm.abort();
    vi.advanceTimersByTime(WATCHED_AFTER_MS);
    fire(v, 'playing');
    vi.advanceTimersByTime(WATCHED_AFTER_MS);
    expect(watched).not.toHaveBeenCalled();
  });
});
