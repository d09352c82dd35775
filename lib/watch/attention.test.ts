import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SiteAdapter } from '../sites/site';
import { ANNOUNCE_MS, watchAttention } from './attention';
import { isShown } from './layout';

const site = { video: ['video'], controls: ['.controls'] } as unknown as SiteAdapter;

/** An overlay panel, open, over a player playing with its controls gone. */
function overlay() {
  document.body.innerHTML = '<div class="player"><video></video></div>';
  const root = document.querySelector('.player') as Element;
  const stop = new AbortController();
  const changes = vi.fn();
  const attention = watchAttention(site, root, (a) => isShown('overlay', true, a), changes, stop.signal);
  const shown = () => isShown('overlay', true, attention.activity);
  return { attention, shown, changes, stop };
}

describe('the viewer’s attention to the player', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fades after a click in the panel once the pointer left: focus is not use', () => {
    const { attention, shown } = overlay();
    expect(shown()).toBe(false);
    attention.engage({ pointer: true });
    expect(shown()).toBe(true);
    // The pointer moves over the page (the frame's own "left" may never come).
    document.dispatchEvent(new Event('pointermove'));
    expect(shown()).toBe(false);
  });

  it('stays while keys are pressed in it or a question waits, and for as long as that lasts', () => {
    const { attention, shown } = overlay();
    attention.engage({ using: true });
    attention.controls(true);
    attention.controls(false);
    expect(shown()).toBe(true);
    attention.engage({ using: false });
    expect(shown()).toBe(false);
  });

  it('keeps a panel opened by hand until the controls fade or the viewer leaves it', () => {
    const { attention, shown } = overlay();
    attention.controls(true);
    attention.hold();
    expect(shown()).toBe(true);
    attention.controls(false);
    expect(shown()).toBe(false);
    attention.hold();
    attention.engage({ pointer: true });
    attention.engage({ pointer: false });
    expect(shown()).toBe(false);
  });

  it('keeps a panel that appeared by itself in sight ANNOUNCE_MS after it painted, whatever the controls do', () => {
    const { attention, shown, changes, stop } = overlay();
    attention.announce();
    expect(shown()).toBe(true);
    attention.controls(true);
    attention.controls(false);
    attention.engage({ pointer: true });
    attention.engage({ pointer: false });
    vi.advanceTimersByTime(ANNOUNCE_MS - 100);
    // It painted late (a slow machine): the time counts from then.
    attention.painted();
    vi.advanceTimersByTime(ANNOUNCE_MS - 1);
    expect(shown()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(shown()).toBe(false);
    expect(changes).toHaveBeenCalledTimes(2);
    // Painted again after that: nothing to hold.
    attention.painted();
    expect(shown()).toBe(false);
    stop.abort();
  });

  it('follows the video: shown while paused', () => {
    const { shown } = overlay();
    const video = document.querySelector('video') as HTMLVideoElement;
    video.dispatchEvent(new Event('pause'));
    expect(shown()).toBe(true);
    video.dispatchEvent(new Event('playing'));
    expect(shown()).toBe(false);
  });
});
