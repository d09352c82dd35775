/**
 * One shared connection per extension context, opened lazily and reopened after the browser closes it
 * (another tab upgrading the schema, or the service worker being stopped and restarted).
 */
import type { IDBPDatabase } from 'idb';
import { type BackstoryDB, openBackstoryDb } from './schema';

let pending: Promise<IDBPDatabase<BackstoryDB>> | undefined;

export function getDb(): Promise<IDBPDatabase<BackstoryDB>> {
  pending ??= openBackstoryDb({
    onVersionChange: () => {
      // A newer version wants to upgrade: step aside so it is not blocked, and reopen on next use.
      void pending?.then((db) => db.close());
      pending = undefined;
    },
  }).catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}

/** Forget the connection (tests swap in a fresh IndexedDB between cases). */
export function resetDbConnection(): void {
  void pending?.then((db) => db.close()).catch(() => undefined);
  pending = undefined;
}
