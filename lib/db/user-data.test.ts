import { describe, expect, it } from 'vitest';
import { seededDb } from '../../tests/support/seeded-db';
import { capLearned, resolveEpisode } from './resolve';
import {
  correctEpisode,
  exportUserData,
  getProgress,
  importUserData,
  MAX_LEARNED,
  placeViewer,
  recordWatched,
  setReadVolume,
} from './user-data';

describe('user data', () => {
  it('places the viewer where they say they are ("Where are you?"), back or forward, keeping what they read', async () => {
    const db = await seededDb();
    await setReadVolume(db, 'heartstopper', 2);
    expect(await placeViewer(db, 'heartstopper', 's2e4')).toMatchObject({ furthestEpisodeId: 's2e4', readVolume: 2 });
    expect((await getProgress(db, 'heartstopper')).placedAt).toBeGreaterThan(0);
    // Back: a viewer who said too much can say less.
    const back = await placeViewer(db, 'heartstopper', 's1e2');
    expect(back.furthestEpisodeId).toBe('s1e2');
    expect((await getProgress(db, 'heartstopper')).furthestOrdinal).toBe(2);
    const none = await placeViewer(db, 'heartstopper', null);
    expect(none.furthestEpisodeId).toBeUndefined();
    expect(none.furthestOrdinal).toBe(0);
    await expect(placeViewer(db, 'heartstopper', 's9e9')).rejects.toThrow(/No episode/);
  });

  it('records only forward progress', async () => {
    const db = await seededDb();
    await recordWatched(db, 'heartstopper', 's2e3', true);
    const back = await recordWatched(db, 'heartstopper', 's1e1');
    expect(back).toMatchObject({ status: 'already', progress: { furthestEpisodeId: 's2e3', furthestOrdinal: 11 } });
  });

  it('asks before counting an episode more than one past the furthest watched', async () => {
    const db = await seededDb();
    expect(await recordWatched(db, 'heartstopper', 's1e1')).toMatchObject({ status: 'recorded' });
    expect(await recordWatched(db, 'heartstopper', 's3e8')).toMatchObject({ status: 'confirm', furthestEpisodeId: 's1e1' });
    expect((await getProgress(db, 'heartstopper')).furthestEpisodeId).toBe('s1e1');
    expect(await recordWatched(db, 'heartstopper', 's1e2')).toMatchObject({ status: 'recorded' });
    expect(await recordWatched(db, 'heartstopper', 's3e8', true)).toMatchObject({ status: 'recorded' });
  });

  it('keeps progress by episode, so a pack that loses an earlier episode cannot move it (review B12)', async () => {
    const db = await seededDb();
    await recordWatched(db, 'heartstopper', 's1e8', true);
    await db.delete('episodes', 'heartstopper/s1e3');
    // Re-number as a new pack version would: every later episode moves up one.
    for (const e of await db.getAllFromIndex('episodes', 'by-show', 'heartstopper'))
      if (e.ordinal > 3) await db.put('episodes', { ...e, ordinal: e.ordinal - 1 });
    expect(await getProgress(db, 'heartstopper')).toMatchObject({ furthestEpisodeId: 's1e8', furthestOrdinal: 7 });
  });

  it('exports and imports back to the same data', async () => {
    const db = await seededDb();
    await recordWatched(db, 'heartstopper', 's1e4', true);
    await setReadVolume(db, 'heartstopper', 2);
    await resolveEpisode(db, 'netflix', {
      videoId: '123',
      titleId: '81059939',
      season: 1,
      episode: 4,
      via: 'page-world',
      learn: true,
    });
    await correctEpisode(db, 'netflix', '456', 'heartstopper', 's3e1');
    const exported = await exportUserData(db);
    await db.clear('progress');
    await db.clear('learned');
    const result = await importUserData(db, JSON.parse(JSON.stringify(exported)));
    expect(result).toEqual({ ok: true, counts: { learned: 1, corrections: 1, progress: 1 } });
    expect({ ...(await exportUserData(db)), exportedAt: 0 }).toEqual({ ...exported, exportedAt: 0 });
  });

  it('refuses a document that is not an export, with paths, and changes nothing', async () => {
    const db = await seededDb();
    await setReadVolume(db, 'heartstopper', 3);
    const result = await importUserData(db, {
      format: 'backstory-user-data',
      version: 1,
      exportedAt: 1,
      learned: [{ videoId: 'x' }],
      corrections: [],
      progress: [],
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]?.path).toMatch(/^learned\.0\./);
    expect((await db.get('progress', 'heartstopper'))?.readVolume).toBe(3);
  });
});

describe('bounded user data (review B7, B8)', () => {
  it('refuses an oversized import by its length, before looking at any entry', async () => {
    const db = await seededDb();
    const huge = {
      format: 'backstory-user-data',
      version: 1,
      exportedAt: 0,
      learned: new Array(MAX_LEARNED + 1).fill(0),
      corrections: [],
      progress: [],
    };
    expect(await importUserData(db, huge)).toEqual({
      ok: false,
      issues: [{ path: 'learned', message: `at most 5,000 entries, found 5,001` }],
    });
  });

  it('keeps learned mappings to the cap, dropping the oldest, so an export always imports back', async () => {
    const db = await seededDb();
    for (let i = 0; i < 12; i++)
      await db.put('learned', {
        videoId: String(1000 + i),
        showId: 'heartstopper',
        episodeId: 's1e1',
        via: 'metadata',
        updatedAt: i,
      });
    await capLearned(db, 10);
    expect((await db.getAllKeys('learned')).sort()).toEqual(Array.from({ length: 10 }, (_, i) => String(1002 + i)));
    // At the real cap, an export is accepted by import.
    for (let i = 0; i < MAX_LEARNED; i++)
      await db.put('learned', {
        videoId: String(5000 + i),
        showId: 'heartstopper',
        episodeId: 's1e1',
        via: 'metadata',
        updatedAt: 100 + i,
      });
    await resolveEpisode(db, 'netflix', {
      videoId: '99',
      titleId: '81059939',
      season: 1,
      episode: 1,
      via: 'metadata',
      learn: true,
    });
    expect(await db.count('learned')).toBe(MAX_LEARNED);
    expect(await importUserData(db, JSON.parse(JSON.stringify(await exportUserData(db))))).toMatchObject({ ok: true });
  });
});
