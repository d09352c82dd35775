/**
 * User settings, kept in storage.sync so they follow the user between browsers. Since version 3 each setting, and
 * each show's reading progress, is a key of its own holding `{ value, at }` (the time it was set): a change writes
 * only its own key, so two windows changing two settings at once can no longer overwrite each other (review B4),
 * and the 8 KB-per-item limit no longer caps the number of shows. Versions 1 and 2 kept everything under one
 * `settings` key: it is still read (migrations, then `normalizeSettings` repairs partial, hand-edited or
 * half-synced values), and a key of version 3 wins over it. Written directly on `browser.storage`.
 */
import { browser } from 'wxt/browser';
import { SHOW_ID } from '../ids/ids';
import type { GuardMode } from '../pack/horizon';

export interface Settings {
  /** Whose progress limits the notes: the furthest episode watched, only the current one, or nobody's. */
  guard: GuardMode;
  panelSide: 'right' | 'left';
  /**
   * How the panel sits beside the video: over it while Netflix's controls show or the video is paused (like
   * X-Ray), in a column of its own with the player narrowed to the rest, or over it all the time.
   */
  panelMode: PanelMode;
  /** The panel's width, as a share of the player's (sizes in PANEL_SIZES). */
  panelSize: PanelSize;
  /** Large text: everything in the panel a quarter larger. */
  textSize: 'standard' | 'large';
  /** Open the panel by itself when a recognised episode starts (unless it was closed for that show). */
  autoOpen: boolean;
  /** Show the "From the comic" and "Keep reading" sections. */
  showComic: boolean;
  /**
   * How far the viewer has read each show's comics (show id -> volume, 0 for none). A copy of the progress in
   * IndexedDB, kept here so that it follows the viewer to other browsers (see lib/service/read-volume-sync.ts).
   */
  readVolumes: Record<string, number>;
}

export type PanelMode = 'overlay' | 'side' | 'pinned';
export type PanelSize = 'compact' | 'standard' | 'large';
export const PANEL_MODES: readonly PanelMode[] = ['overlay', 'side', 'pinned'];
export const PANEL_SIZES: readonly PanelSize[] = ['compact', 'standard', 'large'];

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 2;
/** Version 3: one key per setting and per show's reading progress. */
export const settingKey = (name: string) => `setting:${name}`;
export const readVolumeKey = (showId: string) => `readVolume:${showId}`;
const READ_PREFIX = 'readVolume:';
const FIELDS = ['guard', 'panelSide', 'panelMode', 'panelSize', 'textSize', 'autoOpen', 'showComic'] as const;
/** Before the sizes had names the width was a number of pixels (280 to 440), under this key. */
const LEGACY_WIDTH = 'panelWidth';

/** A synced value with the time it was set, so that the newer of two copies can win. */
export interface Stamped<T = unknown> {
  value: T;
  at: number;
}
const stamped = (raw: unknown): Stamped | undefined =>
  raw && typeof raw === 'object' && 'value' in raw && typeof (raw as Stamped).at === 'number' ? (raw as Stamped) : undefined;
export const DEFAULT_SETTINGS: Settings = {
  guard: 'furthest',
  panelSide: 'right',
  panelMode: 'overlay',
  panelSize: 'standard',
  textSize: 'standard',
  autoOpen: true,
  showComic: true,
  readVolumes: {},
};

type Stored = Record<string, unknown>;

/**
 * MIGRATIONS[n] turns a version-n value into a version-(n + 1) value. When the shape changes, bump
 * SETTINGS_VERSION and add the step here; a test keeps every step covered.
 */
export const MIGRATIONS: Record<number, (old: Stored) => Stored> = {
  // v2: reading progress joins the synced settings; until the background copies it over, nothing is known.
  1: (v1) => ({ ...v1, readVolumes: {} }),
};

const MAX_SHOWS = 1_000;

/** Keeps well-formed entries only: a show id and a whole volume number from 0 to 99. */
function normalizeReadVolumes(raw: unknown): Record<string, number> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const entries = Object.entries(raw).filter(
    ([id, volume]) => SHOW_ID.test(id) && Number.isInteger(volume) && volume >= 0 && volume <= 99,
  );
  return Object.fromEntries(entries.slice(0, MAX_SHOWS));
}

/** A width in pixels from before the named sizes, as the nearest size: 280-320 compact, up to 380 standard. */
function sizeFromWidth(width: unknown): PanelSize {
  if (typeof width !== 'number' || !Number.isFinite(width)) return DEFAULT_SETTINGS.panelSize;
  return width <= 320 ? 'compact' : width <= 380 ? 'standard' : 'large';
}

export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Stored;
  const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
    allowed.includes(value as T) ? (value as T) : fallback;
  return {
    guard: pick(r.guard, ['furthest', 'current', 'off'], DEFAULT_SETTINGS.guard),
    panelSide: pick(r.panelSide, ['right', 'left'], DEFAULT_SETTINGS.panelSide),
    panelMode: pick(r.panelMode, PANEL_MODES, DEFAULT_SETTINGS.panelMode),
    panelSize: pick(r.panelSize, PANEL_SIZES, sizeFromWidth(r[LEGACY_WIDTH])),
    textSize: pick(r.textSize, ['standard', 'large'], DEFAULT_SETTINGS.textSize),
    autoOpen: typeof r.autoOpen === 'boolean' ? r.autoOpen : DEFAULT_SETTINGS.autoOpen,
    showComic: typeof r.showComic === 'boolean' ? r.showComic : DEFAULT_SETTINGS.showComic,
    readVolumes: normalizeReadVolumes(r.readVolumes),
  };
}

/** Brings a stored value of any earlier version up to date. Values without a version count as version 1. */
export function migrateSettings(raw: unknown, migrations = MIGRATIONS, target = SETTINGS_VERSION): Settings {
  let value: Stored = raw && typeof raw === 'object' ? { ...(raw as Stored) } : {};
  let version = typeof value.v === 'number' && Number.isInteger(value.v) && value.v >= 1 ? value.v : 1;
  while (version < target) {
    const step = migrations[version];
    if (step) value = step(value);
    version++;
  }
  return normalizeSettings(value);
}

/** Settings from everything in storage.sync: the version-3 keys over the older single `settings` value. */
export function settingsFrom(all: Record<string, unknown>): Settings {
  const legacy = all[SETTINGS_KEY] === undefined ? undefined : migrateSettings(all[SETTINGS_KEY]);
  const raw: Stored = { ...(legacy ?? {}) };
  for (const field of [...FIELDS, LEGACY_WIDTH]) {
    const entry = stamped(all[settingKey(field)]);
    if (entry) raw[field] = entry.value;
  }
  // A width set (in any version) after the named size was, or with no size ever set, still counts.
  const size = stamped(all[settingKey('panelSize')]);
  const width = stamped(all[settingKey(LEGACY_WIDTH)]);
  if (width && (!size || size.at < width.at)) delete raw.panelSize;
  raw.readVolumes = {
    ...(legacy?.readVolumes ?? {}),
    ...Object.fromEntries(readVolumeStamps(all).map(([id, s]) => [id, s.value])),
  };
  return normalizeSettings(raw);
}

/** Each show's synced reading progress with the time it was set. */
export function readVolumeStamps(all: Record<string, unknown>): [string, Stamped<number>][] {
  return Object.entries(all).flatMap(([key, raw]) => {
    const entry = key.startsWith(READ_PREFIX) ? stamped(raw) : undefined;
    return entry ? [[key.slice(READ_PREFIX.length), entry as Stamped<number>] as [string, Stamped<number>]] : [];
  });
}

export async function loadSettings(): Promise<Settings> {
  return settingsFrom(await browser.storage.sync.get(null));
}

/**
 * Writes only what the patch names, each under its own key with the time: nothing is read first, so nothing
 * another window wrote in the meantime is lost. Reading progress is merged show by show, unless `replace` asks
 * for the given map to be the whole of it (a reset, an import). A failed write throws, for the caller to report.
 */
export async function saveSettings(patch: Partial<Settings>, options: { replaceReadVolumes?: boolean } = {}): Promise<Settings> {
  const clean = normalizeSettings({ ...DEFAULT_SETTINGS, ...patch });
  const at = Date.now();
  const writes: Record<string, Stamped> = {};
  for (const field of FIELDS) if (patch[field] !== undefined) writes[settingKey(field)] = { value: clean[field], at };
  for (const [showId, volume] of Object.entries(patch.readVolumes ? clean.readVolumes : {}))
    writes[readVolumeKey(showId)] = { value: volume, at };
  if (options.replaceReadVolumes) {
    const stale = readVolumeStamps(await browser.storage.sync.get(null))
      .map(([showId]) => showId)
      .filter((showId) => !(showId in clean.readVolumes));
    if (stale.length) await browser.storage.sync.remove(stale.map(readVolumeKey));
  }
  if (Object.keys(writes).length) await browser.storage.sync.set(writes);
  return loadSettings();
}

/** A storage.sync key that holds a setting (not reading progress), of any version. */
export const isSettingKey = (key: string) => key === SETTINGS_KEY || key.startsWith('setting:');

export function watchSettings(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const ours = Object.keys(changes).some((k) => isSettingKey(k) || k.startsWith(READ_PREFIX));
    if (area === 'sync' && ours) void loadSettings().then(callback);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
