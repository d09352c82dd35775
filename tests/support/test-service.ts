/** The background service over fake-indexeddb, with settings and "now watching" kept in memory. */
import { openBackstoryDb } from '../../lib/db/schema';
import { createBackstoryService, type NowWatching, type ServiceDeps } from '../../lib/service/backstory-service';
import type { TabStore } from '../../lib/service/core';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import { heartstopper } from './packs';

/** A per-tab store in memory, as storage.session keeps it in the extension. */
export function memoryTabStore<T>(): TabStore<T> {
  const values = new Map<number, T>();
  return {
    get: async (id) => values.get(id),
    set: async (id, v) => void (v ? values.set(id, v) : values.delete(id)),
  };
}

/** `more`: dependencies to add or replace (the sites' servers, `askServer`, for one). */
export function testService(settings: Partial<Settings> = {}, more: Partial<ServiceDeps> = {}) {
  const memory = new Map<number, NowWatching>();
  let changes = 0;
  // Stands in for storage.sync.
  let stored: Settings = { ...DEFAULT_SETTINGS, ...settings };
  const deps: Parameters<typeof createBackstoryService>[0] = {
    getDb: () => openBackstoryDb(),
    bundledPacks: [heartstopper()],
    loadSettings: async () => stored,
    // Like storage.sync since settings version 3: reading progress merges show by show unless replaced.
    saveSettings: async (patch, options) => {
      const readVolumes =
        patch.readVolumes && !options?.replaceReadVolumes ? { ...stored.readVolumes, ...patch.readVolumes } : patch.readVolumes;
      stored = { ...stored, ...patch, ...(readVolumes ? { readVolumes } : {}) };
      return stored;
    },
    shortcut: async () => 'Alt+Shift+K',
    extensionVersion: '1.0.0',
    dataChanged: async () => {
      changes++;
    },
    nowWatching: { get: async (id) => memory.get(id), set: async (id, v) => void (v ? memory.set(id, v) : memory.delete(id)) },
    panelFrames: memoryTabStore(),
    ...more,
  };
  const svc = createBackstoryService(deps);
  return { svc, deps, changes: () => changes, settings: () => stored };
}
