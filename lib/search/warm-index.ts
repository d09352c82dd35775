/**
 * The popup's search index, built by the background from the cache once and kept warm: in memory while the
 * service worker lives, and in IndexedDB across its restarts. The popup only loads it. It is rebuilt when what
 * it was built from changes: a pack (re)seeded or imported, the viewer's horizon for a show, what was looked up
 * for titles without a pack (lib/lookup/search-docs.ts), or the extension.
 */
import type { IDBPDatabase } from 'idb';
import type { BackstoryDB } from '../db/schema';
import { loadShowData } from '../db/show-data';
import { lookupDocuments } from '../lookup/search-docs';
import type { ViewerHorizon } from '../pack/horizon';
import { type SearchDoc, showDocuments } from '../views/catalog';
import { type PrebuiltIndex, prebuildIndex } from './search-index';

export interface SearchPayload {
  /** Every document the viewer's horizons allow, across shows. */
  docs: SearchDoc[];
  index: PrebuiltIndex;
}

export type WarmSearch = (
  db: IDBPDatabase<BackstoryDB>,
  horizonFor: (showId: string) => Promise<ViewerHorizon>,
) => Promise<SearchPayload>;

/** `extensionVersion` is part of the key, so that an update with a new document format never reads an old one. */
export function createWarmSearch(extensionVersion: string): WarmSearch {
  let warm: { key: string; payload: SearchPayload } | undefined;

  return async (db, horizonFor) => {
    const [packs, shows] = await Promise.all([db.getAll('packs'), db.getAll('shows')]);
    const horizons = await Promise.all(shows.map(async (s) => [s.id, await horizonFor(s.id)] as const));
    const looked = await lookupDocuments(db);
    const key = JSON.stringify([
      looked.key,
      extensionVersion,
      packs.map((p) => [p.id, p.version, p.seededAt]),
      // Infinity (guard off) becomes null, which no real ordinal can collide with.
      horizons.map(([id, h]) => [id, h.episodeOrdinal, h.volume]),
    ]);
    if (warm?.key === key) return warm.payload;

    const stored = await db.get('searchCache', 'popup').catch(() => undefined);
    if (stored?.key === key && Array.isArray(stored.docs) && stored.index && typeof stored.index === 'object') {
      warm = { key, payload: { docs: stored.docs as SearchDoc[], index: stored.index as PrebuiltIndex } };
      return warm.payload;
    }

    const docs: SearchDoc[] = [...looked.docs];
    for (const [showId, horizon] of horizons) {
      const data = await loadShowData(db, showId);
      if (data) docs.push(...showDocuments(data, horizon));
    }
    const payload = { docs, index: prebuildIndex(docs) };
    warm = { key, payload };
    // Only a cache: if it cannot be stored (quota), the next cold start builds it again.
    await db.put('searchCache', { id: 'popup', key, docs, index: payload.index, builtAt: Date.now() }).catch(() => undefined);
    return payload;
  };
}
