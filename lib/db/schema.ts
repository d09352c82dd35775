/**
 * The extension's one IndexedDB database. It lives in the extension's origin (background, popup, options);
 * content scripts reach it by message.
 *
 * Two kinds of store:
 * - pack stores, rebuilt from a data pack on seeding (shows, episodes, entities, packs);
 * - user stores, which seeding never touches (learned, corrections, progress).
 *
 * Schema changes are appended to MIGRATIONS; each runs once, in order, inside the upgrade transaction.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { Episode, Show } from '../pack/schema';

export const DB_NAME = 'backstory';

export interface PackRecord {
  id: string;
  version: string;
  title: string;
  origin: 'bundled' | 'imported';
  seededAt: number;
  counts: Record<string, number>;
}
export interface ShowRecord extends Show {
  packId: string;
  titleKeys: string[];
}
export interface EpisodeRecord extends Episode {
  key: string;
  showId: string;
  titleKey: string;
  ordinal: number;
}
/** Every other pack record (characters, notes, volumes...) with its kind, keyed by show. */
export interface EntityRecord {
  key: string;
  showId: string;
  kind: EntityKind;
  id: string;
  /** Position in the pack's own list, so that reading back keeps the curator's order (main cast first). */
  position: number;
  value: unknown;
}
export type EntityKind = 'season' | 'film' | 'person' | 'character' | 'volume' | 'book' | 'adaptation' | 'note' | 'source';

export interface LearnedRecord {
  videoId: string;
  showId: string;
  episodeId: string;
  /** Which signal taught us this mapping. */
  via: string;
  updatedAt: number;
}
export interface CorrectionRecord {
  videoId: string;
  showId: string;
  episodeId: string;
  updatedAt: number;
}
export interface ProgressRecord {
  showId: string;
  furthestEpisodeId?: string;
  furthestOrdinal: number;
  readVolume: number;
  updatedAt: number;
}

export interface BackstoryDB extends DBSchema {
  packs: { key: string; value: PackRecord };
  shows: { key: string; value: ShowRecord; indexes: { 'by-netflix-id': string; 'by-title-key': string; 'by-pack': string } };
  episodes: {
    key: string;
    value: EpisodeRecord;
    indexes: { 'by-show': string; 'by-show-season-number': [string, number, number]; 'by-show-title-key': [string, string] };
  };
  entities: { key: string; value: EntityRecord; indexes: { 'by-show-kind': [string, string]; 'by-show': string } };
  learned: { key: string; value: LearnedRecord; indexes: { 'by-show': string } };
  corrections: { key: string; value: CorrectionRecord };
  progress: { key: string; value: ProgressRecord };
}

type UpgradeTx = IDBPTransaction<BackstoryDB, StoreNames<BackstoryDB>[], 'versionchange'>;
// Old versions may hold stores the current schema no longer names, so migrations see an untyped database.
type Migration = (db: IDBPDatabase<BackstoryDB>, tx: UpgradeTx) => void;

export const MIGRATIONS: Migration[] = [
  // v1: the first layout. Corrections were learned records flagged with via: 'correction'.
  (db) => {
    db.createObjectStore('packs', { keyPath: 'id' });
    const shows = db.createObjectStore('shows', { keyPath: 'id' });
    shows.createIndex('by-netflix-id', 'netflixTitleId');
    shows.createIndex('by-title-key', 'titleKeys', { multiEntry: true });
    shows.createIndex('by-pack', 'packId');
    const episodes = db.createObjectStore('episodes', { keyPath: 'key' });
    episodes.createIndex('by-show', 'showId');
    episodes.createIndex('by-show-season-number', ['showId', 'season', 'number']);
    episodes.createIndex('by-show-title-key', ['showId', 'titleKey']);
    const entities = db.createObjectStore('entities', { keyPath: 'key' });
    entities.createIndex('by-show-kind', ['showId', 'kind']);
    entities.createIndex('by-show', 'showId');
    const learned = db.createObjectStore('learned', { keyPath: 'videoId' });
    learned.createIndex('by-show', 'showId');
    db.createObjectStore('progress', { keyPath: 'showId' });
  },
  // v2: viewer corrections get a store of their own, so that re-learning can never overwrite one.
  (db, tx) => {
    db.createObjectStore('corrections', { keyPath: 'videoId' });
    const learned = tx.objectStore('learned');
    const corrections = tx.objectStore('corrections');
    void learned.openCursor().then(async function move(cursor): Promise<void> {
      if (!cursor) return;
      const record = cursor.value as LearnedRecord;
      if (record.via === 'correction') {
        await corrections.put({
          videoId: record.videoId,
          showId: record.showId,
          episodeId: record.episodeId,
          updatedAt: record.updatedAt,
        });
        await cursor.delete();
      }
      return move(await cursor.continue());
    });
  },
];

export const DB_VERSION = MIGRATIONS.length;

export interface OpenOptions {
  /** Open at an older version: only the migration tests do this. */
  version?: number;
  /** Called when another context needs this connection closed for an upgrade. */
  onVersionChange?: () => void;
}

export function openBackstoryDb(options: OpenOptions = {}): Promise<IDBPDatabase<BackstoryDB>> {
  const version = options.version ?? DB_VERSION;
  return openDB<BackstoryDB>(DB_NAME, version, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < version; v++) MIGRATIONS[v]?.(db, tx);
    },
    blocking() {
      options.onVersionChange?.();
    },
  });
}
