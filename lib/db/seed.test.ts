import { afterEach, describe, expect, it } from 'vitest';
import { heartstopper } from '../../tests/support/packs';
import { openBackstoryDb } from './schema';
import { ensureBundledPacks, seedPack } from './seed';

const opened: { close(): void }[] = [];
const open = async () => {
  const db = await openBackstoryDb();
  opened.push(db);
  return db;
};
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('seeding', () => {
  it('writes every record of the pack', async () => {
    const db = await open();
    const record = await seedPack(db, heartstopper(), 'bundled');
    expect(record.counts).toMatchObject({ episodes: 24, characters: 32 });
    expect(await db.count('episodes')).toBe(24);
    expect(await db.countFromIndex('entities', 'by-show-kind', ['heartstopper', 'character'])).toBe(32);
    expect((await db.getFromIndex('shows', 'by-site-title', 'netflix:81059939'))?.title).toBe('Heartstopper');
  });

  it('seeds a bundled pack once, and again only when its version changes', async () => {
    const db = await open();
    const pack = heartstopper();
    expect((await ensureBundledPacks(db, [pack]))[0]?.status).toBe('seeded');
    expect((await ensureBundledPacks(db, [pack]))[0]?.status).toBe('current');
    expect((await ensureBundledPacks(db, [{ ...pack, version: '9.0.0' }]))[0]?.status).toBe('seeded');
    expect((await db.get('packs', 'heartstopper'))?.version).toBe('9.0.0');
  });

  it('drops records that a new version of the pack no longer has', async () => {
    const db = await open();
    await seedPack(db, heartstopper(), 'bundled');
    const smaller = heartstopper();
    smaller.version = '1.0.1';
    smaller.notes = smaller.notes.slice(0, 3);
    await seedPack(db, smaller, 'bundled');
    expect(await db.countFromIndex('entities', 'by-show-kind', ['heartstopper', 'note'])).toBe(3);
  });

  it('keeps the previous version whole when a write fails half-way (quota exceeded)', async () => {
    const db = await open();
    await seedPack(db, heartstopper(), 'bundled');
    const before = await db.count('entities');
    const next = heartstopper();
    next.version = '9.0.0';
    // A value IndexedDB cannot clone makes the transaction fail after some records were written, as a full disk would.
    (next.notes[40] as unknown as { text: unknown }).text = () => 'not cloneable';
    await expect(seedPack(db, next, 'bundled')).rejects.toThrow();
    expect(await db.count('entities')).toBe(before);
    expect((await db.get('packs', 'heartstopper'))?.version).toBe(heartstopper().version);
  });

  it('refuses an invalid bundled pack with its paths and writes nothing', async () => {
    const db = await open();
    const broken = { ...heartstopper(), episodes: [{ id: 'nope' }] };
    const [outcome] = await ensureBundledPacks(db, [broken]);
    expect(outcome?.status).toBe('invalid');
    expect(outcome?.status === 'invalid' && outcome.issues.map((i) => i.path)).toContain('episodes.0.id');
    expect(await db.count('packs')).toBe(0);
  });

  it('leaves the user stores alone when re-seeding', async () => {
    const db = await open();
    await seedPack(db, heartstopper(), 'bundled');
    await db.put('learned', { videoId: '1', showId: 'heartstopper', episodeId: 's1e1', via: 'page-world', updatedAt: 1 });
    await db.put('progress', { showId: 'heartstopper', furthestOrdinal: 3, readVolume: 2, updatedAt: 1 });
    await seedPack(db, { ...heartstopper(), version: '1.1.0' }, 'bundled');
    expect(await db.count('learned')).toBe(1);
    expect((await db.get('progress', 'heartstopper'))?.readVolume).toBe(2);
  });
});
