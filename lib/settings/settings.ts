/**
 * User settings, kept in storage.sync so they follow the user between browsers, under one key with a version
 * number. Reading runs the migrations from the stored version up to the current one, then `normalizeSettings`
 * repairs whatever is left (partial, hand-edited or half-synced values), so the panel never breaks on them.
 * Written directly on `browser.storage` to keep the content script small.
 */
import { browser } from 'wxt/browser';
import type { GuardMode } from '../pack/horizon';

export interface Settings {
  /** Whose progress limits the notes: the furthest episode watched, only the current one, or nobody's. */
  guard: GuardMode;
  panelSide: 'right' | 'left';
  /** Panel width in CSS pixels. */
  panelWidth: number;
  /** Open the panel by itself when a recognised episode starts. */
  autoOpen: boolean;
  /** Show the "From the comic" and "Keep reading" sections. */
  showComic: boolean;
  /**
   * How far the viewer has read each show's comics (show id -> volume, 0 for none). A copy of the progress in
   * IndexedDB, kept here so that it follows the viewer to other browsers (see lib/service/read-volume-sync.ts).
   */
  readVolumes: Record<string, number>;
}

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 2;
export const PANEL_WIDTH = { min: 280, max: 440, step: 20 } as const;

export const DEFAULT_SETTINGS: Settings = {
  guard: 'furthest',
  panelSide: 'right',
  panelWidth: 340,
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

const SHOW_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_SHOWS = 100;

/** Keeps well-formed entries only: a show id and a whole volume number from 0 to 99. */
function normalizeReadVolumes(raw: unknown): Record<string, number> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const entries = Object.entries(raw).filter(
    ([id, volume]) => SHOW_ID.test(id) && Number.isInteger(volume) && volume >= 0 && volume <= 99,
  );
  return Object.fromEntries(entries.slice(0, MAX_SHOWS));
}

export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Stored;
  const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
    allowed.includes(value as T) ? (value as T) : fallback;
  const width = typeof r.panelWidth === 'number' && Number.isFinite(r.panelWidth) ? r.panelWidth : DEFAULT_SETTINGS.panelWidth;
  return {
    guard: pick(r.guard, ['furthest', 'current', 'off'], DEFAULT_SETTINGS.guard),
    panelSide: pick(r.panelSide, ['right', 'left'], DEFAULT_SETTINGS.panelSide),
    panelWidth: Math.round(Math.min(PANEL_WIDTH.max, Math.max(PANEL_WIDTH.min, width))),
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

export async function loadSettings(): Promise<Settings> {
  return migrateSettings((await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await loadSettings()), ...patch });
  await browser.storage.sync.set({ [SETTINGS_KEY]: { ...next, v: SETTINGS_VERSION } });
  return next;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) callback(migrateSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
