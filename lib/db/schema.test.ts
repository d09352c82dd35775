import { describe, expect, it } from 'vitest';
import { format1 } from '../../tests/support/format1-pack';
import { heartstopper } from '../../tests/support/packs';
import type { Character, Pack, Source } from '../pack/schema';
import { DB_VERSION, openBackstoryDb } from './schema';
import { seedPack } from './seed';
import { loadShowData } from './show-data';

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
    // Ids stored before sites were Netflix's: migration 5 keeps them under that site.
    expect(await current.get('learned', 'netflix:111')).toEqual({ ...learned, videoId: 'netflix:111' });
    expect(await current.get('learned', '111')).toBeUndefined();
    expect(await current.get('learned', 'netflix:222')).toBeUndefined();
    expect(await current.get('corrections', 'netflix:222')).toEqual({
      videoId: 'netflix:222',
      showId: 'heartstopper',
      episodeId: 's2e1',
      updatedAt: 6,
    });
    expect((await current.get('progress', 'heartstopper'))?.readVolume).toBe(3);
    expect(await current.count('episodes')).toBe(24);
    current.close();
  });

  it('upgrades the records of a format-1 pack already in the cache to format 2 (migration 4)', async () => {
    const v3 = await openBackstoryDb({ version: 3 });
    await seedPack(v3, format1() as unknown as Pack, 'imported');
    await v3.put('progress', { showId: 'tiny', furthestEpisodeId: 's1e1', furthestOrdinal: 1, readVolume: 1, updatedAt: 9 });
    v3.close();
    const current = await openBackstoryDb();
    const kim = (await current.get('entities', 'tiny/character/kim'))?.value as Character;
    expect(kim.summaries[0]).toMatchObject({ text: 'Kim.', horizon: { episode: 's1e1', at: 'start' } });
    expect(kim.roles[0]?.group).toBe('central');
    expect(((await current.get('entities', 'tiny/source/late'))?.value as Source | undefined)?.horizon).toEqual({
      episode: 's1e2',
    });
    expect((await current.get('episodes', 'tiny/s1e1'))?.setup).toBeNull();
    expect((await current.get('progress', 'tiny'))?.readVolume).toBe(1);
    const data = await loadShowData(current, 'tiny');
    expect(data?.books.get('b')?.connections).toHaveLength(2);
    current.close();
  });

  it('finds a show cached before sites by its Netflix id, and keeps learned videos, as Netflix’s (migration 5)', async () => {
    const v4 = await openBackstoryDb({ version: 4 });
    const { titleIds: _, ...show } = heartstopper().show;
    // What format-2 seeding wrote: a Netflix-only field, no site titles.
    await v4.put('shows', { ...show, netflixTitleId: '81059939', packId: 'heartstopper', titleKeys: ['heartstopper'] } as never);
    await v4.put('learned', { videoId: '90000101', showId: 'heartstopper', episodeId: 's1e1', via: 'metadata', updatedAt: 1 });
    await v4.put('corrections', { videoId: '90000102', showId: 'heartstopper', episodeId: 's1e2', updatedAt: 2 });
    v4.close();
    const current = await openBackstoryDb();
    const found = await current.getFromIndex('shows', 'by-site-title', 'netflix:81059939');
    expect(found).toMatchObject({ id: 'heartstopper', titleIds: { netflix: '81059939' }, siteTitles: ['netflix:81059939'] });
    expect(found).not.toHaveProperty('netflixTitleId');
    expect(await current.getAllKeys('learned')).toEqual(['netflix:90000101']);
    expect(await current.getAllKeys('corrections')).toEqual(['netflix:90000102']);
    current.close();
  });

  it('creates every store on a fresh install', async () => {
    const db = await openBackstoryDb();
    expect([...db.objectStoreNames].sort()).toEqual([
      'corrections',
      'entities',
      'episodes',
      'learned',
      'lookups',
      'packs',
      'progress',
      'searchCache',
      'shows',
    ]);
    db.close();
  });
});
