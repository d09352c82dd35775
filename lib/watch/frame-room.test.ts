import { describe, expect, it, vi } from 'vitest';
import { frameRoom } from './frame-room';

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 1)));

describe('the frame’s room', () => {
  it('is measured at once as it is made, then only after the next frame once stale, and once for many changes', async () => {
    let height = 300;
    const measure = vi.fn(() => height);
    const place = vi.fn();
    const room = frameRoom(measure, () => true, place, new AbortController().signal);
    expect(room.height).toBe(300);
    expect(room.current()).toBe(true);
    height = 200;
    room.stale();
    room.stale();
    expect(room.current()).toBe(false);
    expect(room.current()).toBe(false);
    expect(measure).toHaveBeenCalledTimes(1);
    await nextFrame();
    expect(measure).toHaveBeenCalledTimes(2);
    expect(room.height).toBe(200);
    expect(place).toHaveBeenCalledTimes(1);
    expect(room.current()).toBe(true);
  });

  it('measures nothing for a frame hidden by then, or gone', async () => {
    let shown = true;
    const measure = vi.fn(() => 100);
    const stop = new AbortController();
    const room = frameRoom(measure, () => shown, vi.fn(), stop.signal);
    room.stale();
    room.current();
    shown = false;
    await nextFrame();
    shown = true;
    room.current();
    stop.abort();
    await nextFrame();
    expect(measure).toHaveBeenCalledTimes(1);
  });
});
