/**
 * One shared connection per extension context, opened lazily and reopened after the browser closes it
 * (another tab upgrading the schema, or the service worker being stopped and restarted). It also remembers
 * what happened to the database, so the options page can say it plainly.
 */
import type { IDBPDatabase } from 'idb';
import { type BackstoryDB, openBackstoryDb, type RepairReport } from './schema';

let pending: Promise<IDBPDatabase<BackstoryDB>> | undefined;

export interface DbHealth {
  /** Set when a damaged database was repaired in this session. */
  repair?: RepairReport;
  /** Set while an upgrade waits for another tab to let go of an older connection. */
  blockedSince?: number;
}
const health: DbHealth = {};

export function dbHealth(): DbHealth {
  return { ...health };
}

export function getDb(): Promise<IDBPDatabase<BackstoryDB>> {
  pending ??= openBackstoryDb({
    onVersionChange: () => {
      // A newer version wants to upgrade: step aside so it is not blocked, and reopen on next use.
      void pending?.then((db) => db.close());
      pending = undefined;
    },
    onBlocked: () => {
      health.blockedSince = Date.now();
    },
    onRepair: (report) => {
      health.repair = report;
      console.warn(`Backstory repaired its database: recreated ${report.recreated.join(', ')}.`);
    },
  })
    .then((db) => {
      health.blockedSince = undefined;
      // The browser may close the connection (storage cleared, worker stopped): open again on next use.
      db.addEventListener('close', () => {
        pending = undefined;
      });
      return db;
    })
    .catch((error: unknown) => {
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
