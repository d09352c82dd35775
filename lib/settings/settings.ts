/**
 * User settings, kept in storage.sync so they follow the user between browsers. Anything read from storage is
 * coerced through `normalizeSettings`, so a value written by an older version, by hand or half-synced never
 * breaks the panel: unknown keys are dropped and bad values fall back to defaults.
 */
import { storage } from 'wxt/utils/storage';
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
}

export const PANEL_WIDTH = { min: 280, max: 440, step: 20 } as const;

export const DEFAULT_SETTINGS: Settings = {
  guard: 'furthest',
  panelSide: 'right',
  panelWidth: 340,
  autoOpen: true,
  showComic: true,
};

export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
    allowed.includes(value as T) ? (value as T) : fallback;
  const width = typeof r.panelWidth === 'number' && Number.isFinite(r.panelWidth) ? r.panelWidth : DEFAULT_SETTINGS.panelWidth;
  return {
    guard: pick(r.guard, ['furthest', 'current', 'off'], DEFAULT_SETTINGS.guard),
    panelSide: pick(r.panelSide, ['right', 'left'], DEFAULT_SETTINGS.panelSide),
    panelWidth: Math.round(Math.min(PANEL_WIDTH.max, Math.max(PANEL_WIDTH.min, width))),
    autoOpen: typeof r.autoOpen === 'boolean' ? r.autoOpen : DEFAULT_SETTINGS.autoOpen,
    showComic: typeof r.showComic === 'boolean' ? r.showComic : DEFAULT_SETTINGS.showComic,
  };
}

/**
 * Versioned with WXT's storage item: when the shape changes, bump `version` and add a migration from the
 * previous shape under `migrations`. Until then, `normalizeSettings` repairs partial or hand-edited values.
 */
export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await loadSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(normalizeSettings(value)));
}
