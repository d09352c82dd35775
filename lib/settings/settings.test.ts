import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, normalizeSettings, saveSettings } from './settings';

describe('settings', () => {
  it('starts from the defaults', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('repairs partial, out-of-range and foreign values without losing the good ones', () => {
    expect(normalizeSettings({ guard: 'current', panelWidth: 9999, panelSide: 'top', autoOpen: 'yes', extra: 1 })).toEqual({
      ...DEFAULT_SETTINGS,
      guard: 'current',
      panelWidth: 440,
    });
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ panelWidth: Number.NaN }).panelWidth).toBe(DEFAULT_SETTINGS.panelWidth);
  });

  it('reads a value stored by hand or by an older build through the same repair', async () => {
    await fakeBrowser.storage.sync.set({ settings: { guard: 'off', panelWidth: 100 } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, guard: 'off', panelWidth: 280 });
  });

  it('saves a patch and keeps the rest', async () => {
    await saveSettings({ panelSide: 'left' });
    await saveSettings({ autoOpen: false });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, panelSide: 'left', autoOpen: false });
  });
});
