import { describe, expect, it } from 'vitest';
import { seededDb } from '../../tests/support/seeded-db';
import { resolveEpisode } from './resolve';
import { correctEpisode, exportUserData, getProgress, importUserData, recordWatched, setReadVolume } from './user-data';

describe('user data', () => {
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
    await resolveEpisode(db, { videoId: '123', titleId: '81059939', season: 1, episode: 4, via: 'page-world', learn: true });
    await correctEpisode(db, '456', 'heartstopper', 's3e1');
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
