import { describe, expect, it } from 'vitest';
import { clearLookups, countLookedUp, DAY, getFresh, listFresh, putLookup, trimLookups } from './lookup-cache';
import { openBackstoryDb } from './schema';

const TTL = { found: 30 * DAY, missing: 3 * DAY };

describe('the lookup cache', () => {
  it('serves an answer until it expires, and "nothing found" for a shorter time', async () => {
    const db = await openBackstoryDb();
    await putLookup(db, 'map:netflix:80057281', { tvmazeId: 2993 }, TTL, 0);
    await putLookup(db, 'map:netflix:1', undefined, TTL, 0);
    expect(await getFresh(db, 'map:netflix:80057281', 29 * DAY)).toMatchObject({ found: true, value: { tvmazeId: 2993 } });
    expect(await getFresh(db, 'map:netflix:80057281', 31 * DAY)).toBeUndefined();
    expect(await getFresh(db, 'map:netflix:1', 2 * DAY)).toMatchObject({ found: false });
    expect(await getFresh(db, 'map:netflix:1', 4 * DAY)).toBeUndefined();
    await clearLookups(db);
    expect(await db.count('lookups')).toBe(0);
    db.close();
  });

  it('arrives by migration 6 on a database with user data, which it keeps', async () => {
    const v5 = await openBackstoryDb({ version: 5 });
    await v5.put('progress', { showId: 'heartstopper', furthestOrdinal: 3, readVolume: 1, updatedAt: 1 });
    expect([...v5.objectStoreNames]).not.toContain('lookups');
    v5.close();
    const current = await openBackstoryDb();
    expect([...current.objectStoreNames]).toContain('lookups');
    expect((await current.get('progress', 'heartstopper'))?.readVolume).toBe(1);
    current.close();
  });

  it('lists a prefix’s fresh records, counts the titles looked up, and stays bounded', async () => {
    const db = await openBackstoryDb();
    await putLookup(db, 'tvmaze:guestcast:82:1', [], TTL, 0);
    await putLookup(db, 'tvmaze:guestcast:82:2', [], TTL, 10);
    await putLookup(db, 'tvmaze:guestcast:820:1', [], TTL, 20);
    await putLookup(db, 'map:netflix:1', undefined, TTL, 30);
    expect((await listFresh(db, 'tvmaze:guestcast:82:', DAY)).map((r) => r.key)).toEqual([
      'tvmaze:guestcast:82:1',
      'tvmaze:guestcast:82:2',
    ]);
    expect(await countLookedUp(db)).toBe(1);
    expect(await trimLookups(db, 2)).toBe(2);
    expect((await db.getAllKeys('lookups')).sort()).toEqual(['map:netflix:1', 'tvmaze:guestcast:820:1']);
    db.close();
  });

  it('never trims the viewer’s own picks, however many records a page makes it fetch (review 2, N23)', async () => {
    const db = await openBackstoryDb();
    await putLookup(db, 'pick:netflix:70000100', { tvmazeId: 82 }, TTL, 0);
    for (let i = 0; i < 60; i++) await putLookup(db, `map:netflix:${80000000 + i}`, { tvmazeId: i + 1 }, TTL, i + 1);
    await trimLookups(db, 20);
    expect(await db.get('lookups', 'pick:netflix:70000100')).toMatchObject({ value: { tvmazeId: 82 } });
    expect(await db.count('lookups')).toBeLessThanOrEqual(21);
    // The latest answers are the ones kept.
    expect(await db.get('lookups', 'map:netflix:80000059')).toBeDefined();
    db.close();
  });
});
