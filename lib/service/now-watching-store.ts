/**
 * Remembers which episode each tab is playing, for the popup's "Now watching". Kept in storage.session so that
 * it survives the service worker being stopped, and never written to disk or synced.
 */
import { browser } from 'wxt/browser';
import type { NowWatching, ServiceDeps } from './backstory-service';

const key = (tabId: number) => `nowWatching:${tabId}`;

export function sessionNowWatching(): ServiceDeps['nowWatching'] {
  const memory = new Map<number, NowWatching>();
  const area = (browser.storage as { session?: typeof browser.storage.local }).session;
  return {
    async get(tabId) {
      if (memory.has(tabId)) return memory.get(tabId);
      const stored = area ? ((await area.get(key(tabId)))[key(tabId)] as NowWatching | undefined) : undefined;
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
