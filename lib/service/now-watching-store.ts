/**
 * Remembers what each tab plays: the episode, for the popup's "Now watching", and a title without a pack, for
 * the panel's lookups. Kept in storage.session so that it survives the service worker being stopped, and never
 * written to disk or synced.
 */
import { browser } from 'wxt/browser';
import type { NowWatching, ServiceDeps, TabStore } from './core';

/** A value per tab, kept in memory and in storage.session (it survives the worker stopping, never reaches disk). */
export function sessionTabStore<T>(prefix: string): TabStore<T> {
  const key = (tabId: number) => `${prefix}:${tabId}`;
  const memory = new Map<number, T>();
  const area = (browser.storage as { session?: typeof browser.storage.local }).session;
  return {
    async get(tabId) {
      if (memory.has(tabId)) return memory.get(tabId);
      const stored = area ? ((await area.get(key(tabId)))[key(tabId)] as T | undefined) : undefined;
      if (stored) memory.set(tabId, stored);
      return stored;
    },
    async set(tabId, value) {
      if (value) memory.set(tabId, value);
      else memory.delete(tabId);
      if (!area) return;
      if (value) await area.set({ [key(tabId)]: value });
      else await area.remove(key(tabId));
    },
  };
}

export const sessionNowWatching = (): ServiceDeps['nowWatching'] => sessionTabStore<NowWatching>('nowWatching');

/**
 * "Now watching" only while the tab still shows a watch page of a site: a tab that went elsewhere forgets it, even
 * when its content script could not say goodbye (review B14). `tabUrl` is the tab's address as the browser gives
 * it (present for the sites' tabs thanks to the host permissions, absent for others).
 */
export function currentNowWatching(
  store: ServiceDeps['nowWatching'],
  tabUrl: (tabId: number) => Promise<string | undefined>,
  isWatchPage: (url: URL) => boolean,
): ServiceDeps['nowWatching'] {
  return {
    async get(tabId) {
      const url = await tabUrl(tabId).catch(() => undefined);
      let watching = false;
      try {
        watching = url !== undefined && isWatchPage(new URL(url));
      } catch {
        watching = false;
      }
      if (watching) return store.get(tabId);
      await store.set(tabId, undefined);
      return undefined;
    },
    set: (tabId, value) => store.set(tabId, value),
  };
}
