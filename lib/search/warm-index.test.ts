import { describe, expect, it } from 'vitest';
import { heartstopper } from '../../tests/support/packs';
import { seededDb } from '../../tests/support/seeded-db';
import { seedPack } from '../db/seed';
import { viewerHorizon } from '../pack/horizon';
import { createSearchIndex } from './search-index';
import { createWarmSearch } from './warm-index';

const atEpisode = (ordinal: number) => async () => viewerHorizon('current', ordinal, 0, 0);

describe('the warm search index', () => {
  it('is built once and answered from memory while the worker lives', async () => {
    const db = await seededDb();
    const warm = createWarmSearch('1.0.0');
    const first = await warm(db, atEpisode(1));
    expect(await warm(db, atEpisode(1))).toBe(first);
    expect(createSearchIndex(first.docs, structuredClone(first.index)).search('charlie').groups[0]?.hits[0]?.title).toBe(
      'Charlie Spring',
    );
  });

  it('survives a restarted worker through IndexedDB, and is rebuilt when its record is damaged', async () => {
    const db = await seededDb();
    await createWarmSearch('1.0.0')(db, atEpisode(1));
    const stored = await db.get('searchCache', 'popup');
    if (!stored) throw new Error('nothing stored');
    // Mark the stored documents: a cold worker that returns the mark read the cache instead of rebuilding.
    await db.put('searchCache', { ...stored, docs: [{ ...(stored.docs[0] as object), title: 'from the cache' }] });
    const cold = await createWarmSearch('1.0.0')(db, atEpisode(1));
    expect(cold.docs.map((d) => d.title)).toEqual(['from the cache']);

    await db.put('searchCache', { ...stored, docs: 'not a list' as never });
    const repaired = await createWarmSearch('1.0.0')(db, atEpisode(1));
    expect(repaired.docs.length).toBeGreaterThan(40);
  });

  it('is rebuilt when the horizon, the pack or the extension changes', async () => {
    const db = await seededDb();
    const warm = createWarmSearch('1.0.0');
    const early = await warm(db, atEpisode(1));
    const later = await warm(db, atEpisode(9));
    expect(later).not.toBe(early);
    const shown = (docs: typeof early.docs) => docs.filter((d) => !d.hidden).length;
    expect(shown(later.docs)).toBeGreaterThan(shown(early.docs));

    await seedPack(db, { ...heartstopper(), version: '9.0.0' }, 'bundled');
    expect(await warm(db, atEpisode(9))).not.toBe(later);

    const stored = await db.get('searchCache', 'popup');
    const updated = await createWarmSearch('1.0.1')(db, atEpisode(9));
    expect((await db.get('searchCache', 'popup'))?.key).not.toBe(stored?.key);
    expect(updated.docs.length).toBe(later.docs.length);
  });
});
