import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  migrateSettings,
  normalizeSettings,
  readVolumeStamps,
  saveSettings,
  watchSettings,
} from './settings';

describe('settings', () => {
  it('starts from the defaults', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('repairs partial, out-of-range and foreign values without losing the good ones', () => {
    expect(
      normalizeSettings({
        guard: 'current',
        panelMode: 'floating',
        panelSide: 'top',
        autoOpen: 'yes',
        textSize: 'huge',
        extra: 1,
      }),
    ).toEqual({ ...DEFAULT_SETTINGS, guard: 'current' });
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ panelSize: 'wide' }).panelSize).toBe(DEFAULT_SETTINGS.panelSize);
  });

  it('reads a value stored by hand or by an older build through the same repair', async () => {
    await fakeBrowser.storage.sync.set({ settings: { guard: 'off', panelWidth: 100 } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, guard: 'off', panelSize: 'compact' });
  });

  it('turns a width in pixels from before the named sizes into the nearest size, unless a size was set later', async () => {
    expect(normalizeSettings({ panelWidth: 300 }).panelSize).toBe('compact');
    expect(normalizeSettings({ panelWidth: 340 }).panelSize).toBe('standard');
    expect(normalizeSettings({ panelWidth: 440 }).panelSize).toBe('large');
    await fakeBrowser.storage.sync.set({ 'setting:panelWidth': { value: 420, at: 1 } });
    expect((await loadSettings()).panelSize).toBe('large');
    await saveSettings({ panelSize: 'compact' });
    expect((await loadSettings()).panelSize).toBe('compact');
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
      2: (v2: Record<string, unknown>) => ({ ...v2, panelSize: v2.size }),
    };
    expect(migrateSettings({ v: 1, spoilers: false, size: 'large' }, migrations, 3)).toMatchObject({
      guard: 'off',
      panelSize: 'large',
    });
    expect(migrateSettings({ v: 2, guard: 'current', size: 'compact' }, migrations, 3)).toMatchObject({
      guard: 'current',
      panelSize: 'compact',
    });
    expect(migrateSettings({ v: 3, guard: 'current', panelSize: 'large' }, migrations, 3)).toMatchObject({
      guard: 'current',
      panelSize: 'large',
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

describe('settings version 3: one synced key per setting and per show (review B4)', () => {
  it('keeps both of two changes made at the same moment in two windows', async () => {
    await Promise.all([
      saveSettings({ guard: 'off' }),
      saveSettings({ panelSide: 'left' }),
      saveSettings({ readVolumes: { a: 2 } }),
    ]);
    expect(await loadSettings()).toMatchObject({ guard: 'off', panelSide: 'left', readVolumes: { a: 2 } });
  });

  it('stores each value with the time it was set, under its own key', async () => {
    await saveSettings({ guard: 'current', readVolumes: { heartstopper: 3 } });
    const all = await fakeBrowser.storage.sync.get(null);
    expect(all['setting:guard']).toEqual({ value: 'current', at: expect.any(Number) });
    expect(readVolumeStamps(all)).toEqual([['heartstopper', { value: 3, at: expect.any(Number) }]]);
    expect(all.settings).toBeUndefined();
  });

  it('reads an older single settings value, with the newer keys winning over it', async () => {
    await fakeBrowser.storage.sync.set({ settings: { v: 2, guard: 'off', panelSide: 'left', readVolumes: { heartstopper: 4 } } });
    expect(await loadSettings()).toMatchObject({ guard: 'off', panelSide: 'left', readVolumes: { heartstopper: 4 } });
    await saveSettings({ guard: 'current', readVolumes: { heartstopper: 5 } });
    expect(await loadSettings()).toMatchObject({ guard: 'current', panelSide: 'left', readVolumes: { heartstopper: 5 } });
  });

  it('merges reading progress show by show, and replaces it all only when asked (reset, import)', async () => {
    await saveSettings({ readVolumes: { a: 1 } });
    await saveSettings({ readVolumes: { b: 2 } });
    expect((await loadSettings()).readVolumes).toEqual({ a: 1, b: 2 });
    await saveSettings({ readVolumes: { c: 3 } }, { replaceReadVolumes: true });
    expect((await loadSettings()).readVolumes).toEqual({ c: 3 });
  });

  it('lets a failed write reach the caller', async () => {
    const spy = vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE'));
    await expect(saveSettings({ guard: 'off' })).rejects.toThrow(/MAX_WRITE/);
    spy.mockRestore();
    expect((await loadSettings()).guard).toBe('furthest');
  });
});
