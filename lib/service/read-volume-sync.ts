/**
 * "Read up to volume" is kept in two places on purpose: in IndexedDB with the rest of the viewer's progress
 * (where the horizon is computed, and what export and import carry), and in storage.sync with the settings, so
 * that it follows the viewer to their other browsers. Every change made here writes both; a change that arrives
 * through sync from another browser is copied into IndexedDB. The synced copy wins, because every local change
 * reaches it too.
 */
import type { IDBPDatabase } from 'idb';
import type { BackstoryDB } from '../db/schema';
import { getProgress, setReadVolume } from '../db/user-data';

/** The volumes recorded in IndexedDB, by show. */
export async function localReadVolumes(db: IDBPDatabase<BackstoryDB>): Promise<Record<string, number>> {
  return Object.fromEntries((await db.getAll('progress')).map((p) => [p.showId, p.readVolume]));
}

/**
 * Copies synced volumes into IndexedDB; says whether anything changed. Given the times the synced values were
 * set, the newer copy wins: a stale value arriving late does not revert a later choice (review B4).
 */
export async function pullReadVolumes(
  db: IDBPDatabase<BackstoryDB>,
  synced: Record<string, number>,
  setAt?: Record<string, number>,
): Promise<boolean> {
  let changed = false;
  for (const [showId, volume] of Object.entries(synced)) {
    const local = await getProgress(db, showId);
    if (local.readVolume === volume) continue;
    const at = setAt?.[showId];
    if (at !== undefined && local.updatedAt > at) continue;
    await setReadVolume(db, showId, volume);
    changed = true;
  }
  return changed;
}

/**
 * Brings both copies in line when the background starts: volumes only IndexedDB knows (recorded before
 * syncing existed, or on a browser without sync) are added to the synced copy, then the synced copy is pulled.
 */
export async function reconcileReadVolumes(
  db: IDBPDatabase<BackstoryDB>,
  synced: Record<string, number>,
  saveSynced: (volumes: Record<string, number>) => Promise<void>,
): Promise<boolean> {
  const onlyLocal = Object.entries(await localReadVolumes(db)).filter(([showId, v]) => v > 0 && !(showId in synced));
  if (onlyLocal.length) await saveSynced({ ...Object.fromEntries(onlyLocal), ...synced });
  return pullReadVolumes(db, synced);
}
