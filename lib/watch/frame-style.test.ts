import { describe, expect, it, vi } from 'vitest';
import { FADE_OUT_MS, type Fade, frameFade, frameStyle, nextFade } from './frame-style';

const at = (fade: Fade) => frameStyle({ top: 72, column: false, onLeft: true, width: 300, height: 48, fade });
const declarations = (css: string) => css.split(';').filter(Boolean);

describe('the panel frame style', () => {
  it('places the frame with important declarations, the fade alone left for the compositor', () => {
    const css = at('in');
    expect(css).toContain('left:16px!important');
    const plain = declarations(css).filter((d) => !d.endsWith('!important'));
    // An important opacity would make Chromium run the fade on the page's main thread, restyling every frame.
    expect(plain).toEqual(['opacity:1', 'transition:opacity 150ms']);
  });

  it('transitions only the opacity: never a property that lays out or the visibility', () => {
    for (const fade of ['in', 'out', 'gone'] as const) {
      const transition = declarations(at(fade)).find((d) => d.startsWith('transition:'));
      expect(transition).toMatch(/^transition:opacity \d+ms$/);
    }
  });

  it('keeps the frame in sight while it fades out, out of the way once gone', () => {
    expect(at('out')).toContain('visibility:visible!important');
    expect(at('out')).toContain('opacity:0;');
    expect(at('gone')).toContain('visibility:hidden!important');
  });

  it('fades in when shown, out from in sight, and stays fading or gone when hidden again', () => {
    expect(nextFade('gone', true)).toBe('in');
    expect(nextFade('out', true)).toBe('in');
    expect(nextFade('in', false)).toBe('out');
    expect(nextFade('out', false)).toBe('out');
    expect(nextFade('gone', false)).toBe('gone');
  });
});

describe('the frame fade over time', () => {
  it('is gone FADE_OUT_MS after it began to fade out, unless shown again before', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const gone = vi.fn();
    const stop = new AbortController();
    const fadeTo = frameFade(gone, stop.signal);
    expect(fadeTo(false)).toBe('gone');
    expect(fadeTo(true)).toBe('in');
    expect(fadeTo(false)).toBe('out');
    vi.advanceTimersByTime(FADE_OUT_MS / 2);
    expect(fadeTo(true)).toBe('in');
    vi.advanceTimersByTime(FADE_OUT_MS);
    expect(gone).not.toHaveBeenCalled();
    expect(fadeTo(false)).toBe('out');
    expect(fadeTo(false)).toBe('out');
    vi.advanceTimersByTime(FADE_OUT_MS);
    expect(gone).toHaveBeenCalledTimes(1);
    expect(fadeTo(false)).toBe('gone');
    stop.abort();
    vi.useRealTimers();
  });
});
