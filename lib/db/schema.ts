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
import { FIRST_SITE, siteKey } from '../ids/ids';
import type { Episode, Show } from '../pack/schema';
import { upgradeRecords } from '../pack/upgrade';

export const DB_NAME = 'backstory';

export interface PackRecord {
  id: string;
  version: string;
  title: string;
  origin: 'bundled' | 'imported';
  /** Set when the viewer replaced this pack's show with an imported pack: it is not seeded again at start-up. */
  replacedBy?: string;
  seededAt: number;
  counts: Record<string, number>;
}
export interface ShowRecord extends Show {
  packId: string;
  titleKeys: string[];
  /** The show's id on each site, with its site ("netflix:81059939"): how a page's title id finds it. */
  siteTitles: string[];
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
  /** The video with its site ("netflix:81234567", siteKey). */
  videoId: string;
  showId: string;
  episodeId: string;
  /** Which signal taught us this mapping. */
  via: string;
  updatedAt: number;
}
export interface CorrectionRecord {
  /** The video with its site ("netflix:81234567", siteKey). */
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
  /** When the viewer last said how far they have watched ("Where are you?"); until then the panel asks once. */
  placedAt?: number;
  /** When the watched clock last counted an episode (lib/service/watch-page.ts spaces them). Not exported. */
  clockAt?: number;
}

/**
 * The popup's search, built once for a given state of the packs and the viewer's horizons and kept until that
 * state changes: the search documents and MiniSearch's serialized index. Derived data: losing it costs a rebuild.
 */
export interface SearchCacheRecord {
  id: 'popup';
  /** Which packs and horizons it was built for; any difference means a rebuild. */
  key: string;
  docs: unknown[];
  index: unknown;
  builtAt: number;
}

/**
 * What a public provider answered about a title without a pack (issue 17), kept until `expiresAt`; `found: false`
 * records a lookup that found nothing, so that a title is looked up once, not on every visit.
 */
export interface LookupRecord {
  /** "map:netflix:<title id>", "tvmaze:show:<id>", "wd:basedon:<title id>"… */
  key: string;
  found: boolean;
  value?: unknown;
  fetchedAt: number;
  expiresAt: number;
}

export interface BackstoryDB extends DBSchema {
  packs: { key: string; value: PackRecord };
  shows: { key: string; value: ShowRecord; indexes: { 'by-site-title': string; 'by-title-key': string; 'by-pack': string } };
  episodes: {
    key: string;
    value: EpisodeRecord;
    indexes: { 'by-show': string; 'by-show-season-number': [string, number, number]; 'by-show-title-key': [string, string] };
  };
  entities: { key: string; value: EntityRecord; indexes: { 'by-show-kind': [string, string]; 'by-show': string } };
  learned: { key: string; value: LearnedRecord; indexes: { 'by-show': string } };
  corrections: { key: string; value: CorrectionRecord };
  progress: { key: string; value: ProgressRecord };
  searchCache: { key: string; value: SearchCacheRecord };
  lookups: { key: string; value: LookupRecord };
}

type UpgradeTx = IDBPTransaction<BackstoryDB, StoreNames<BackstoryDB>[], 'versionchange'>;
/**
 * One schema change: `schema` changes stores and indexes, at once and in order; `data` rewrites records. Data
 * steps run one after another, after every schema step (a cursor walk is asynchronous: run side by side, one
 * step could miss what an earlier one had not yet moved), inside the same upgrade transaction.
 * Old versions may hold stores the current schema no longer names, so migrations see an untyped database.
 */
interface Migration {
  schema?(db: IDBPDatabase<BackstoryDB>, tx: UpgradeTx): void;
  data?(tx: UpgradeTx): Promise<void>;
}

/** Calls `visit` on every record of a store, one at a time. */
async function eachRecord<T>(
  store: { openCursor(): Promise<{ value: unknown; continue(): Promise<unknown> } | null> },
  visit: (value: T, cursor: { update(v: unknown): Promise<unknown>; delete(): Promise<void> }) => Promise<void>,
): Promise<void> {
  let cursor = await store.openCursor();
  while (cursor) {
    await visit(cursor.value as T, cursor as never);
    cursor = (await cursor.continue()) as typeof cursor;
  }
}

export const MIGRATIONS: Migration[] = [
  // v1: the first layout. Corrections were learned records flagged with via: 'correction'.
  {
    schema(db) {
      db.createObjectStore('packs', { keyPath: 'id' });
      const shows = db.createObjectStore('shows', { keyPath: 'id' });
      // Renamed by v5 (sites); the untyped name is the one this version created.
      (shows as unknown as IDBObjectStore).createIndex('by-netflix-id', 'netflixTitleId');
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
  },
  // v2: viewer corrections get a store of their own, so that re-learning can never overwrite one.
  {
    schema(db) {
      db.createObjectStore('corrections', { keyPath: 'videoId' });
    },
    async data(tx) {
      const corrections = tx.objectStore('corrections');
      await eachRecord<LearnedRecord>(tx.objectStore('learned'), async (record, cursor) => {
        if (record.via !== 'correction') return;
        await corrections.put({
          videoId: record.videoId,
          showId: record.showId,
          episodeId: record.episodeId,
          updatedAt: record.updatedAt,
        });
        await cursor.delete();
      });
    },
  },
  // v3: a store for the popup's prebuilt search index, so that opening the popup does not rebuild it.
  {
    schema(db) {
      db.createObjectStore('searchCache', { keyPath: 'id' });
    },
  },
  // v4: pack format 2, where every visible text has a horizon. Packs already in the cache (imported ones too)
  // are upgraded in place, show by show (lib/pack/upgrade.ts); user data is not touched. The search cache is
  // derived from the old texts, so it is dropped and rebuilt on the next search.
  {
    async data(tx) {
      const entities = tx.objectStore('entities');
      const episodes = tx.objectStore('episodes');
      await tx.objectStore('searchCache').clear();
      const [allEntities, allEpisodes] = await Promise.all([entities.getAll(), episodes.getAll()]);
      const shows = new Set(allEntities.map((e) => e.showId));
      const writes: Promise<unknown>[] = [];
      for (const showId of shows) {
        const mine = allEntities.filter((e) => e.showId === showId);
        const of = (kind: EntityKind) => mine.filter((e) => e.kind === kind).map((e) => e.value as Record<string, unknown>);
        const showEpisodes = allEpisodes.filter((e) => e.showId === showId) as unknown as Record<string, unknown>[];
        upgradeRecords({
          episodes: showEpisodes,
          film: of('film')[0],
          characters: of('character'),
          books: of('book'),
          sources: of('source'),
          notes: of('note'),
          adaptations: of('adaptation'),
          volumes: of('volume'),
        });
        for (const record of mine) writes.push(entities.put(record));
        for (const episode of showEpisodes) writes.push(episodes.put(episode as unknown as EpisodeRecord));
      }
      await Promise.all(writes);
    },
  },
  // v5: sites. A show is found by its id on a site ("netflix:81059939", index by-site-title) instead of a
  // Netflix-only field, and learned and corrected videos are keyed with their site. Every id stored so far is
  // Netflix's, so each is rewritten with that site; nothing is lost.
  {
    schema(_db, tx) {
      const shows = tx.objectStore('shows');
      (shows as unknown as IDBObjectStore).deleteIndex('by-netflix-id');
      shows.createIndex('by-site-title', 'siteTitles', { multiEntry: true });
    },
    async data(tx) {
      await eachRecord<ShowRecord & { netflixTitleId?: string }>(tx.objectStore('shows'), async (record, cursor) => {
        const { netflixTitleId, ...show } = record;
        const titleIds = show.titleIds ?? (netflixTitleId ? { [FIRST_SITE]: netflixTitleId } : {});
        await cursor.update({ ...show, titleIds, siteTitles: siteTitles(titleIds) });
      });
      for (const name of ['learned', 'corrections'] as const) {
        const store = tx.objectStore(name);
        await eachRecord<LearnedRecord>(store, async (record, cursor) => {
          if (record.videoId.includes(':')) return;
          await cursor.delete();
          await store.put({ ...record, videoId: siteKey(FIRST_SITE, record.videoId) } as LearnedRecord);
        });
      }
    },
  },
  // v6: a cache for what public providers answer about titles without a pack (issue 17): derived data with an
  // expiry; losing it costs a lookup, and nothing else changes.
  {
    schema(db) {
      db.createObjectStore('lookups', { keyPath: 'key' });
    },
  },
];

/** Runs the migrations from one schema version to another: every schema step, then the data steps in order. */
function migrate(db: IDBPDatabase<BackstoryDB>, tx: UpgradeTx, from: number, to: number): void {
  const steps = MIGRATIONS.slice(from, to);
  for (const step of steps) step.schema?.(db, tx);
  void steps.reduce<Promise<void>>((previous, step) => previous.then(() => step.data?.(tx)), Promise.resolve());
}

/** Every (site, id) of a show, as its by-site-title index holds them. */
export const siteTitles = (titleIds: Partial<Record<string, string>> = {}): string[] =>
  Object.entries(titleIds).flatMap(([site, id]) => (id ? [siteKey(site, id)] : []));

/** The schema version: one per entry of MIGRATIONS. */
export const DB_VERSION = MIGRATIONS.length;

/**
 * IndexedDB versions are `schema × 100 + repairs`, so that a damaged database can be repaired (which needs a
 * version change) without using up the number of a future schema.
 */
const SCALE = 100;

/** The current layout, used to recreate any store or index that has gone missing. */
const LAYOUT: {
  store: StoreNames<BackstoryDB>;
  keyPath: string;
  indexes: [string, string | string[], boolean?][];
  pack: boolean;
}[] = [
  { store: 'packs', keyPath: 'id', indexes: [], pack: true },
  {
    store: 'shows',
    keyPath: 'id',
    indexes: [
      ['by-site-title', 'siteTitles', true],
      ['by-title-key', 'titleKeys', true],
      ['by-pack', 'packId'],
    ],
    pack: true,
  },
  {
    store: 'episodes',
    keyPath: 'key',
    indexes: [
      ['by-show', 'showId'],
      ['by-show-season-number', ['showId', 'season', 'number']],
      ['by-show-title-key', ['showId', 'titleKey']],
    ],
    pack: true,
  },
  {
    store: 'entities',
    keyPath: 'key',
    indexes: [
      ['by-show-kind', ['showId', 'kind']],
      ['by-show', 'showId'],
    ],
    pack: true,
  },
  { store: 'learned', keyPath: 'videoId', indexes: [['by-show', 'showId']], pack: false },
  { store: 'corrections', keyPath: 'videoId', indexes: [], pack: false },
  { store: 'progress', keyPath: 'showId', indexes: [], pack: false },
  // A cache, rebuilt on demand: recreating it empty is the whole repair.
  { store: 'searchCache', keyPath: 'id', indexes: [], pack: false },
  // A cache too: an empty one means titles are looked up again.
  { store: 'lookups', keyPath: 'key', indexes: [], pack: false },
];

export interface RepairReport {
  at: number;
  /** Stores or indexes that were missing and have been recreated. */
  recreated: string[];
}

/** What was found missing in the layout of an open database. */
export function missingParts(db: IDBPDatabase<BackstoryDB>): string[] {
  const missing: string[] = [];
  const tx = db.objectStoreNames.length ? db.transaction([...db.objectStoreNames], 'readonly') : undefined;
  for (const { store, indexes } of LAYOUT) {
    if (!db.objectStoreNames.contains(store)) {
      missing.push(store);
      continue;
    }
    const names = tx?.objectStore(store).indexNames;
    for (const [index] of indexes) if (!names?.contains(index as never)) missing.push(`${store}.${index}`);
  }
  return missing;
}

function repair(db: IDBPDatabase<BackstoryDB>, tx: UpgradeTx): void {
  let packStoreRebuilt = false;
  for (const { store, keyPath, indexes, pack } of LAYOUT) {
    const exists = db.objectStoreNames.contains(store);
    const os = exists ? tx.objectStore(store) : db.createObjectStore(store, { keyPath });
    if (!exists && pack) packStoreRebuilt = true;
    for (const [name, path, multiEntry] of indexes)
      if (!os.indexNames.contains(name as never)) {
        (os as unknown as IDBObjectStore).createIndex(name, path, { multiEntry: multiEntry ?? false });
        if (pack) packStoreRebuilt = true;
      }
  }
  // A pack store that had to be rebuilt is empty: forget the seeded packs so the next start seeds them again.
  if (packStoreRebuilt) void tx.objectStore('packs').clear();
}

export interface OpenOptions {
  /** Open at an older schema version: only the migration tests do this. */
  version?: number;
  /** Called when another context needs this connection closed for an upgrade. */
  onVersionChange?: () => void;
  /** Called when this open waits for another context to close an older connection. */
  onBlocked?: () => void;
  /** Called after a damaged database was repaired, with what was recreated. */
  onRepair?: (report: RepairReport) => void;
}

async function existingVersion(): Promise<number> {
  const list = (await indexedDB.databases?.()) ?? [];
  return list.find((d) => d.name === DB_NAME)?.version ?? 0;
}

export async function openBackstoryDb(options: OpenOptions = {}): Promise<IDBPDatabase<BackstoryDB>> {
  const schema = options.version ?? DB_VERSION;
  const open = (version: number, upgrade: (db: IDBPDatabase<BackstoryDB>, oldVersion: number, tx: UpgradeTx) => void) =>
    openDB<BackstoryDB>(DB_NAME, version, {
      upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
      blocked: () => options.onBlocked?.(),
      blocking: () => options.onVersionChange?.(),
    });

  const current = await existingVersion();
  let db = await open(Math.max(schema * SCALE, current), (db, oldVersion, tx) => {
    migrate(db, tx, Math.floor(oldVersion / SCALE), schema);
  });
  if (options.version !== undefined) return db;

  const missing = missingParts(db);
  if (missing.length) {
    // Something deleted part of the database (a crash, a tool, a bug): recreate what is missing and keep the rest.
    const version = db.version + 1;
    db.close();
    db = await open(version, (upgraded, _old, tx) => repair(upgraded, tx));
    options.onRepair?.({ at: Date.now(), recreated: missing });
  }
  return db;
}
