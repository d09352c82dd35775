import { describe, expect, it } from 'vitest';
import { isWatchUrl } from '../sites/netflix/selectors';
import type { NowWatching } from './backstory-service';
import { currentNowWatching } from './now-watching-store';

function memoryStore() {
  const map = new Map<number, NowWatching>();
  return {
    map,
    get: async (tabId: number) => map.get(tabId),
    set: async (tabId: number, value: NowWatching | undefined) => void (value ? map.set(tabId, value) : map.delete(tabId)),
  };
}

describe('"now watching" (review B14)', () => {
  it('is forgotten once the tab shows anything but a Netflix watch page', async () => {
    const store = memoryStore();
    const urls = new Map<number, string | undefined>([[4, 'https://www.netflix.com/watch/90000103?trackId=1']]);
    const now = currentNowWatching(store, async (tabId) => urls.get(tabId), isWatchUrl);
    await now.set(4, { showId: 'heartstopper', episodeId: 's1e3' } as NowWatching);
    expect(await now.get(4)).toMatchObject({ episodeId: 's1e3' });
    urls.set(4, undefined); // another site: no host permission, no address
    expect(await now.get(4)).toBeUndefined();
    expect(store.map.has(4)).toBe(false);
    await now.set(5, { showId: 'heartstopper', episodeId: 's1e1' } as NowWatching);
    urls.set(5, 'https://www.netflix.com/browse');
    expect(await now.get(5)).toBeUndefined();
  });
});
