/**
 * The cache of what public providers answered (issue 17), with an expiry per record: found data for longer,
 * "nothing found" for less (any-show-providers.md §6), and never anything from the curated packs.
 */
import type { IDBPDatabase } from 'idb';
import type { BackstoryDB, LookupRecord } from './schema';

export const DAY = 86_400_000;

/**
 * The store is a cache: bounded. Past MAX_RECORDS, the records fetched longest ago go first (a hostile page
 * cannot make it grow without end by claiming one title after another).
 */
export const MAX_RECORDS = 5_000;

/** The record for a key, unless it has expired (an expired one is left for `put` to replace). */
export async function getFresh(db: IDBPDatabase<BackstoryDB>, key: string, now = Date.now()): Promise<LookupRecord | undefined> {
  const record = await db.get('lookups', key);
  return record && record.expiresAt > now ? record : undefined;
}

/** Keeps an answer: `value` when something was found, nothing when not, each for its own time. */
export async function putLookup(
  db: IDBPDatabase<BackstoryDB>,
  key: string,
  value: unknown,
  ttl: { found: number; missing: number },
  now = Date.now(),
): Promise<LookupRecord> {
  const found = value !== undefined && value !== null;
  const record: LookupRecord = {
    key,
    found,
    ...(found ? { value } : {}),
    fetchedAt: now,
    expiresAt: now + (found ? ttl.found : ttl.missing),
  };
  await db.put('lookups', record);
  return record;
}

/** "Clear what was fetched" (the viewer turned lookups off). */
export async function clearLookups(db: IDBPDatabase<BackstoryDB>): Promise<void> {
  await db.clear('lookups');
}

/** Every fresh record whose key starts with `prefix` (a show's guest casts, say). */
export async function listFresh(db: IDBPDatabase<BackstoryDB>, prefix: string, now = Date.now()): Promise<LookupRecord[]> {
  const records = await db.getAll('lookups', IDBKeyRange.bound(prefix, `${prefix}\uffff`), MAX_RECORDS);
  return records.filter((r) => r.expiresAt > now);
}

/** How many titles were looked up (what "Clear what was fetched" would forget), for the options page. */
export async function countLookedUp(db: IDBPDatabase<BackstoryDB>): Promise<number> {
  // One mapping per title, on whichever site ("map:<site>:<title id>").
  return db.count('lookups', IDBKeyRange.bound('map:', 'map:\uffff'));
}
/** The viewer's own answers ("Not this show?"): never fetched, never trimmed (security review 2, N23). */
const isViewersPick = (key: string) => key.startsWith('pick:');

/**
 * Drops the records fetched longest ago once there are more than `max`, down to nine tenths of it, so that the
 * whole store is read once per `max / 10` answers rather than on every one. The viewer's picks stay (a page that
 * makes Backstory fetch one title after another must not wipe them).
 */
export async function trimLookups(db: IDBPDatabase<BackstoryDB>, max = MAX_RECORDS): Promise<number> {
  if ((await db.count('lookups')) <= max) return 0;
  const fetched = (await db.getAll('lookups')).filter((r) => !isViewersPick(r.key));
  const excess = fetched.length - (max - Math.floor(max / 10));
  if (excess <= 0) return 0;
  const oldest = fetched.sort((a, b) => a.fetchedAt - b.fetchedAt).slice(0, excess);
  const tx = db.transaction('lookups', 'readwrite');
  await Promise.all([...oldest.map((r) => tx.store.delete(r.key)), tx.done]);
  return excess;
}

/** The cache as the lookups use it (lib/lookup/lookup-title.ts, LookupCache): fresh records only, kept bounded. */
export function lookupCache(db: IDBPDatabase<BackstoryDB>) {
  return {
    get: (key: string) => getFresh(db, key),
    put: async (key: string, value: unknown, ttl: { found: number; missing: number }) => {
      await putLookup(db, key, value, ttl);
      await trimLookups(db);
    },
    list: (prefix: string) => listFresh(db, prefix),
  };
}
