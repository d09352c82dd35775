/**
 * The cache of what public providers answered (issue 17), with an expiry per record: found data for longer,
 * "nothing found" for less (any-show-providers.md §6), and never anything from the curated packs.
 */
import type { IDBPDatabase } from 'idb';
import type { BackstoryDB, LookupRecord } from './schema';

export const DAY = 86_400_000;

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
