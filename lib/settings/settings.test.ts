import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, migrateSettings, normalizeSettings, saveSettings, watchSettings } from './settings';

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

  it('upgrades a version-1 value: reading progress starts empty, everything else is kept', () => {
    expect(migrateSettings({ v: 1, guard: 'current', panelSide: 'left' })).toEqual({
      ...DEFAULT_SETTINGS,
      guard: 'current',
      panelSide: 'left',
      readVolumes: {},
    });
  });

  it('keeps only well-formed reading progress', () => {
    const raw = JSON.parse(
      '{"readVolumes": {"heartstopper": 3, "other-show": 0, "__proto__": 4, "Bad Id": 2, "neg": -1, "frac": 1.5, "big": 100, "str": "2"}}',
    );
    expect(normalizeSettings(raw).readVolumes).toEqual({ heartstopper: 3, 'other-show': 0 });
    expect(({} as Record<string, unknown>).heartstopper).toBeUndefined();
    expect(normalizeSettings({ readVolumes: [3] }).readVolumes).toEqual({});
  });

  it('runs every migration from the stored version up to the current one', () => {
    const migrations = {
      1: (v1: Record<string, unknown>) => ({ ...v1, guard: v1.spoilers === false ? 'off' : 'furthest' }),
      2: (v2: Record<string, unknown>) => ({ ...v2, panelWidth: v2.width }),
    };
    expect(migrateSettings({ v: 1, spoilers: false, width: 300 }, migrations, 3)).toMatchObject({
      guard: 'off',
      panelWidth: 300,
    });
    expect(migrateSettings({ v: 2, guard: 'current', width: 400 }, migrations, 3)).toMatchObject({
      guard: 'current',
      panelWidth: 400,
    });
    expect(migrateSettings({ v: 3, guard: 'current', panelWidth: 360 }, migrations, 3)).toMatchObject({
      guard: 'current',
      panelWidth: 360,
    });
  });

  it('tells watchers about changes made elsewhere', async () => {
    const seen: string[] = [];
    const stop = watchSettings((s) => seen.push(s.guard));
    await saveSettings({ guard: 'off' });
    stop();
    await saveSettings({ guard: 'current' });
    expect(seen).toEqual(['off']);
  });

  it('saves a patch and keeps the rest', async () => {
    await saveSettings({ panelSide: 'left' });
    await saveSettings({ autoOpen: false });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, panelSide: 'left', autoOpen: false });
  });
});
