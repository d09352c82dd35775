import { describe, expect, it } from 'vitest';
import { heartstopper as heartstopperPack, sandman } from '../../tests/support/packs';
import { seededDb } from '../../tests/support/seeded-db';
import { resolveEpisode } from './resolve';
import { seedPack } from './seed';

describe('resolveEpisode', () => {
  it('finds the show by Netflix title id and the episode by season and number', async () => {
    const db = await seededDb();
    expect(
      await resolveEpisode(db, 'netflix', { videoId: '1001', titleId: '81059939', season: 2, episode: 4, via: 'page-world' }),
    ).toEqual({
      status: 'resolved',
      showId: 'heartstopper',
      episodeId: 's2e4',
      via: 'page-world',
    });
  });

  it('finds the show by a normalised title and the episode by its title', async () => {
    const db = await seededDb();
    const result = await resolveEpisode(db, 'netflix', {
      showTitle: '  HEARTSTOPPER ',
      episodeTitle: 'truth / dare',
      via: 'title-text',
    });
    expect(result).toMatchObject({ status: 'resolved', episodeId: 's2e6' });
  });

  it('remembers a match under the video id only when told to, and answers from memory next time', async () => {
    const db = await seededDb();
    await resolveEpisode(db, 'netflix', { videoId: '777', titleId: '81059939', season: 3, episode: 1, via: 'metadata' });
    expect(await resolveEpisode(db, 'netflix', { videoId: '777', via: 'url' })).toMatchObject({ status: 'unknown-show' });
    await resolveEpisode(db, 'netflix', {
      videoId: '777',
      titleId: '81059939',
      season: 3,
      episode: 1,
      via: 'metadata',
      learn: true,
    });
    expect(await resolveEpisode(db, 'netflix', { videoId: '777', via: 'url' })).toMatchObject({
      episodeId: 's3e1',
      via: 'learned',
    });
  });

  it('lets a viewer correction win over what was learned', async () => {
    const db = await seededDb();
    await resolveEpisode(db, 'netflix', {
      videoId: '5',
      titleId: '81059939',
      season: 1,
      episode: 1,
      via: 'page-world',
      learn: true,
    });
    await db.put('corrections', { videoId: 'netflix:5', showId: 'heartstopper', episodeId: 's1e2', updatedAt: 1 });
    expect(await resolveEpisode(db, 'netflix', { videoId: '5', via: 'url' })).toMatchObject({
      episodeId: 's1e2',
      via: 'correction',
    });
  });

  it('does not learn from the URL alone', async () => {
    const db = await seededDb();
    await resolveEpisode(db, 'netflix', { videoId: '9', via: 'url' });
    expect(await db.count('learned')).toBe(0);
  });

  it('says which show it could not place an episode in, and which title it does not know', async () => {
    const db = await seededDb();
    expect(await resolveEpisode(db, 'netflix', { titleId: '81059939', season: 7, episode: 1, via: 'page-world' })).toEqual({
      status: 'unknown-episode',
      showId: 'heartstopper',
      showTitle: 'Heartstopper',
    });
    expect(await resolveEpisode(db, 'netflix', { showTitle: 'Another Show', season: 1, episode: 1, via: 'title-text' })).toEqual({
      status: 'unknown-show',
      title: 'Another Show',
    });
  });

  it('matches "Chapter N: Title", as Netflix names The Sandman\'s episodes, and the bonus episodes by number', async () => {
    const db = await seededDb();
    await seedPack(db, sandman(), 'bundled');
    const byTitle = { titleId: '81150303', via: 'title-text' } as const;
    expect(await resolveEpisode(db, 'netflix', { ...byTitle, episodeTitle: 'Chapter 5: 24/7' })).toMatchObject({
      episodeId: 's1e5',
    });
    expect(await resolveEpisode(db, 'netflix', { ...byTitle, episodeTitle: 'Chapter 6: The Sound of Her Wings' })).toMatchObject({
      episodeId: 's1e6',
    });
    expect(await resolveEpisode(db, 'netflix', { titleId: '81150303', season: 2, episode: 12, via: 'metadata' })).toMatchObject({
      episodeId: 's2e12',
    });
    // Heartstopper's titles are untouched by it.
    expect(await resolveEpisode(db, 'netflix', { titleId: '81059939', episodeTitle: 'Crush', via: 'title-text' })).toMatchObject({
      episodeId: 's1e2',
    });
  });
});

describe('a pack without a site’s title id, matched on that site by title', () => {
  /** A small pack that names no streaming site (as a pack written from the comics alone would). */
  function noSitePack() {
    const pack = heartstopperPack();
    pack.id = 'little-show';
    pack.show = { ...pack.show, id: 'little-show', title: 'Little Show', aliases: [], titleIds: {} };
    for (const e of pack.episodes) (e as { showId?: string }).showId = 'little-show';
    return pack;
  }

  it('finds its show by title on a site its pack has no id for, and the episode by number', async () => {
    const db = await seededDb();
    await seedPack(db, noSitePack(), 'bundled');
    const gti = 'amzn1.dv.gti.00000000-0000-4000-8000-000000000101';
    expect(
      await resolveEpisode(db, 'primevideo', {
        videoId: gti,
        titleId: gti,
        showTitle: 'little show',
        season: 1,
        episode: 2,
        via: 'page-world',
      }),
    ).toEqual({ status: 'resolved', showId: 'little-show', episodeId: 's1e2', via: 'page-world' });
    // A bundled show with only a Netflix id is found on Prime Video by its title too.
    expect(
      await resolveEpisode(db, 'primevideo', { showTitle: 'Heartstopper', season: 1, episode: 3, via: 'title-text' }),
    ).toMatchObject({ status: 'resolved', showId: 'heartstopper', episodeId: 's1e3' });
  });
});
