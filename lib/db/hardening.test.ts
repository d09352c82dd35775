// A damaged or busy database, and a full disk: Backstory recovers, keeps the viewer's data and says so.
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { heartstopper } from '../../tests/support/packs';
import { dbHealth, getDb, resetDbConnection } from './connection';
import { DB_NAME, DB_VERSION, openBackstoryDb } from './schema';
import { ensureBundledPacks, seedPack } from './seed';

afterEach(() => {
  resetDbConnection();
  vi.restoreAllMocks();
});

describe('a damaged database', () => {
  it('recreates a missing store, keeps the user data elsewhere, reseeds the packs and reports it', async () => {
    const db = await openBackstoryDb();
    await seedPack(db, heartstopper(), 'bundled');
    await db.put('progress', { showId: 'heartstopper', furthestOrdinal: 5, readVolume: 2, updatedAt: 1 });
    await db.put('learned', { videoId: '1', showId: 'heartstopper', episodeId: 's1e1', via: 'page-world', updatedAt: 1 });
    const version = db.version;
    db.close();
    // Something deletes two stores behind our back.
    const raw = await openDB(DB_NAME, version + 1, {
      upgrade(d) {
        d.deleteObjectStore('episodes');
        d.deleteObjectStore('corrections');
      },
    });
    raw.close();

    const repairs: string[][] = [];
    const repaired = await openBackstoryDb({ onRepair: (r) => repairs.push(r.recreated) });
    expect(repairs).toEqual([['episodes', 'corrections']]);
    expect([...repaired.objectStoreNames]).toContain('episodes');
    expect((await repaired.get('progress', 'heartstopper'))?.readVolume).toBe(2);
    expect(await repaired.count('learned')).toBe(1);
    expect(await repaired.count('packs')).toBe(0);
    expect((await ensureBundledPacks(repaired, [heartstopper()]))[0]?.status).toBe('seeded');
    expect(await repaired.count('episodes')).toBe(24);
    repaired.close();
  });

  it('records the repair for the options page', async () => {
    const db = await openBackstoryDb();
    const version = db.version;
    db.close();
    (await openDB(DB_NAME, version + 1, { upgrade: (d) => d.deleteObjectStore('progress') })).close();
    await getDb();
    expect(dbHealth().repair?.recreated).toEqual(['progress']);
  });
});

describe('an upgrade and another open connection', () => {
  it('steps aside when another context needs to upgrade, and reopens on the next use', async () => {
    const mine = await getDb();
    await mine.put('progress', { showId: 'heartstopper', furthestOrdinal: 3, readVolume: 1, updatedAt: 1 });
    // A newer build opens a higher version; our connection must close so it is not blocked.
    const newer = await openDB(DB_NAME, DB_VERSION * 100 + 50);
    expect(await newer.count('progress')).toBe(1);
    newer.close();
    const again = await getDb();
    expect(again).not.toBe(mine);
    expect((await again.get('progress', 'heartstopper'))?.furthestOrdinal).toBe(3);
  });

  it('waits for an old connection that does not step aside, then upgrades and keeps the data', async () => {
    const old = await openBackstoryDb({ version: 1 });
    await old.put('progress', { showId: 'heartstopper', furthestOrdinal: 4, readVolume: 0, updatedAt: 1 });
    let blocked = false;
    const upgrading = openBackstoryDb({ onBlocked: () => (blocked = true) });
    await new Promise((r) => setTimeout(r, 50));
    expect(blocked).toBe(true);
    old.close();
    const db = await upgrading;
    expect((await db.get('progress', 'heartstopper'))?.furthestOrdinal).toBe(4);
    db.close();
  });
});

describe('a full disk while seeding', () => {
  it('keeps the previous pack whole when the quota is exceeded half-way', async () => {
    const db = await openBackstoryDb();
    await seedPack(db, heartstopper(), 'bundled');
    const before = await db.count('entities');
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls > 60) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args as Parameters<typeof put>);
    });
    await expect(seedPack(db, { ...heartstopper(), version: '9.0.0' }, 'bundled')).rejects.toThrow(/quota/);
    vi.restoreAllMocks();
    expect(await db.count('entities')).toBe(before);
    expect((await db.get('packs', 'heartstopper'))?.version).toBe(heartstopper().version);
    db.close();
  });
});
