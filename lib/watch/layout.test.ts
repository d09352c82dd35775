import { describe, expect, it } from 'vitest';
import { type Activity, fontSize, isShown, panelWidth } from './layout';

const idle: Activity = { controls: false, paused: false, engaged: false, held: false };

describe('panel layout', () => {
  it('sets 16 px body text at 1920 wide, never under 14 px, and a quarter larger with Large text', () => {
    expect(fontSize(1920, 'standard')).toBe(16);
    expect(fontSize(1920, 'large')).toBe(20);
    expect(fontSize(1024, 'standard')).toBe(14);
    expect(fontSize(3840, 'standard')).toBe(22);
  });

  it('takes a share of the player per size, within bounds, and leaves the picture most of the window side by side', () => {
    expect(panelWidth('standard', 1920, 'overlay')).toBe(480);
    expect(panelWidth('compact', 1920, 'overlay')).toBe(384);
    expect(panelWidth('large', 3840, 'overlay')).toBe(600);
    expect(panelWidth('compact', 1024, 'overlay')).toBe(300);
    expect(panelWidth('large', 320, 'overlay')).toBe(288);
    expect(panelWidth('large', 1024, 'side')).toBeLessThanOrEqual(1024 * 0.4);
  });

  it('hides the open panel during playback in overlay mode and shows it with the controls, on pause or in use', () => {
    expect(isShown('overlay', true, idle)).toBe(false);
    expect(isShown('overlay', true, { ...idle, controls: true })).toBe(true);
    expect(isShown('overlay', true, { ...idle, paused: true })).toBe(true);
    expect(isShown('overlay', true, { ...idle, engaged: true })).toBe(true);
    expect(isShown('overlay', true, { ...idle, held: true })).toBe(true);
  });

  it('keeps the open panel shown when pinned or in its own column, and fades the handle with the controls in every mode', () => {
    expect(isShown('pinned', true, idle)).toBe(true);
    expect(isShown('side', true, idle)).toBe(true);
    for (const mode of ['overlay', 'side', 'pinned'] as const) {
      expect(isShown(mode, false, idle)).toBe(false);
      expect(isShown(mode, false, { ...idle, controls: true })).toBe(true);
    }
  });
});
