import { describe, expect, it } from 'vitest';
import { heartstopper } from '../../tests/support/packs';
import { DB_VERSION, openBackstoryDb } from './schema';
import { seedPack } from './seed';

describe('schema migrations', () => {
  it('upgrades a version-1 database with user data in it and loses nothing', async () => {
    const v1 = await openBackstoryDb({ version: 1 });
    await seedPack(v1, heartstopper(), 'bundled');
    const learned = { videoId: '111', showId: 'heartstopper', episodeId: 's1e2', via: 'page-world', updatedAt: 5 };
    const corrected = { videoId: '222', showId: 'heartstopper', episodeId: 's2e1', via: 'correction', updatedAt: 6 };
    await v1.put('learned', learned);
    await v1.put('learned', corrected);
    await v1.put('progress', {
      showId: 'heartstopper',
      furthestEpisodeId: 's1e8',
      furthestOrdinal: 8,
      readVolume: 3,
      updatedAt: 7,
    });
    v1.close();

    const current = await openBackstoryDb();
    expect(current.version).toBe(DB_VERSION * 100);
    expect(await current.get('learned', '111')).toEqual(learned);
    expect(await current.get('learned', '222')).toBeUndefined();
    expect(await current.get('corrections', '222')).toEqual({
      videoId: '222',
      showId: 'heartstopper',
      episodeId: 's2e1',
      updatedAt: 6,
    });
    expect((await current.get('progress', 'heartstopper'))?.readVolume).toBe(3);
    expect(await current.count('episodes')).toBe(24);
    current.close();
  });

  it('creates every store on a fresh install', async () => {
    const db = await openBackstoryDb();
    expect([...db.objectStoreNames].sort()).toEqual([
      'corrections',
      'entities',
      'episodes',
      'learned',
      'packs',
      'progress',
      'searchCache',
      'shows',
    ]);
    db.close();
  });
});
