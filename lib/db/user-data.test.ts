import { describe, expect, it } from 'vitest';
import { seededDb } from '../../tests/support/seeded-db';
import { resolveEpisode } from './resolve';
import { correctEpisode, exportUserData, importUserData, recordWatched, setReadVolume } from './user-data';

describe('user data', () => {
  it('records only forward progress', async () => {
    const db = await seededDb();
    await recordWatched(db, 'heartstopper', 's2e3');
    const back = await recordWatched(db, 'heartstopper', 's1e1');
    expect(back).toMatchObject({ furthestEpisodeId: 's2e3', furthestOrdinal: 11 });
  });

  it('exports and imports back to the same data', async () => {
    const db = await seededDb();
    await recordWatched(db, 'heartstopper', 's1e4');
    await setReadVolume(db, 'heartstopper', 2);
    await resolveEpisode(db, { videoId: '123', titleId: '81059939', season: 1, episode: 4, via: 'page-world' });
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
