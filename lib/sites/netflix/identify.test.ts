import { describe, expect, it, vi } from 'vitest';
import { seededDb } from '../../../tests/support/seeded-db';
import { resolveEpisode } from '../../db/resolve';
import { identify, type PageReader } from './identify';

const reader = (overrides: Partial<PageReader>): PageReader => ({
  pageState: async () => undefined,
  videoId: () => undefined,
  titleParts: () => undefined,
  metadata: async () => undefined,
  ...overrides,
});

describe('identify', () => {
  it('shows the page-world state, unconfirmed and not remembered, when nothing else speaks', async () => {
    const db = await seededDb();
    const metadata = vi.fn(async () => undefined);
    const result = await identify(
      reader({
        pageState: async () => ({
          source: 'backstory-page',
          nonce: 'n',
          videoId: '42',
          titleId: '81059939',
          season: 1,
          episode: 3,
        }),
        metadata,
      }),
      (s) => resolveEpisode(db, 'netflix', s),
    );
    expect(result).toMatchObject({ status: 'resolved', episodeId: 's1e3', via: 'page-world', videoId: '42', confirmed: false });
    expect(metadata).toHaveBeenCalledWith('42', undefined);
    expect(await db.count('learned')).toBe(0);
  });

  it('remembers an episode, and calls it confirmed, only when two independent signals agree', async () => {
    const db = await seededDb();
    const result = await identify(
      reader({
        pageState: async () => ({
          source: 'backstory-page',
          nonce: 'n',
          videoId: '42',
          titleId: '81059939',
          season: 1,
          episode: 3,
        }),
        metadata: async () => ({ titleId: '81059939', season: 1, episode: 3, episodeVideoId: '42' }),
      }),
      (s) => resolveEpisode(db, 'netflix', s),
    );
    expect(result).toMatchObject({ status: 'resolved', episodeId: 's1e3', confirmed: true });
    expect(await db.get('learned', 'netflix:42')).toMatchObject({ episodeId: 's1e3' });
  });

  it('is not fooled by a well-formed forged page reply: Netflix’s metadata and the title outvote it (review B1)', async () => {
    const db = await seededDb();
    const forged = {
      source: 'backstory-page' as const,
      nonce: 'n',
      videoId: '90000101',
      showTitle: 'Heartstopper',
      season: 3,
      episode: 8,
    };
    const honest = reader({
      pageState: async () => forged,
      videoId: () => '90000101',
      metadata: async () => ({ titleId: '81059939', season: 1, episode: 1, episodeVideoId: '90000101' }),
      titleParts: () => ['Heartstopper', 'E1', 'Meet'],
    });
    expect(await identify(honest, (s) => resolveEpisode(db, 'netflix', s))).toMatchObject({ episodeId: 's1e1', confirmed: true });
    expect(await db.get('learned', 'netflix:90000101')).toMatchObject({ episodeId: 's1e1' });
    // Without the title, the page and Netflix disagree: nothing is believed, the viewer may choose.
    await db.clear('learned');
    const unsure = await identify({ ...honest, titleParts: () => undefined }, (s) => resolveEpisode(db, 'netflix', s));
    expect(unsure).toMatchObject({ status: 'unknown', reason: 'conflict', showId: 'heartstopper' });
    expect(await db.count('learned')).toBe(0);
  });

  it('keeps a learned mapping against one contradicting claim, and replaces it when two fresh signals agree', async () => {
    const db = await seededDb();
    await resolveEpisode(db, 'netflix', {
      videoId: '77',
      titleId: '81059939',
      season: 1,
      episode: 2,
      via: 'metadata',
      learn: true,
    });
    const claim = { source: 'backstory-page' as const, nonce: 'n', videoId: '77', titleId: '81059939', season: 2, episode: 2 };
    const lone = reader({ pageState: async () => claim, metadata: async () => undefined });
    expect(await identify(lone, (s) => resolveEpisode(db, 'netflix', s))).toMatchObject({ episodeId: 's1e2', via: 'learned' });
    const backed = reader({
      pageState: async () => claim,
      metadata: async () => ({ titleId: '81059939', season: 2, episode: 2, episodeVideoId: '77' }),
    });
    expect(await identify(backed, (s) => resolveEpisode(db, 'netflix', s))).toMatchObject({ episodeId: 's2e2', confirmed: true });
    expect(await db.get('learned', 'netflix:77')).toMatchObject({ episodeId: 's2e2' });
  });

  it('falls back to the metadata JSON when there is no page-world API', async () => {
    const db = await seededDb();
    const result = await identify(
      reader({
        videoId: () => '43',
        metadata: async () => ({
          titleId: '81059939',
          type: 'show',
          showTitle: 'Heartstopper',
          season: 2,
          episode: 1,
          episodeTitle: 'Out',
        }),
      }),
      (s) => resolveEpisode(db, 'netflix', s),
    );
    expect(result).toMatchObject({ status: 'resolved', episodeId: 's2e1', via: 'metadata' });
  });

  it('falls back to the title text in another language', async () => {
    const db = await seededDb();
    const result = await identify(reader({ videoId: () => '44', titleParts: () => ['Heartstopper', 'Flg. 5', 'Friend'] }), (s) =>
      resolveEpisode(db, 'netflix', s),
    );
    expect(result).toMatchObject({ status: 'resolved', episodeId: 's1e5', via: 'title-text' });
  });

  it('answers from memory on a second visit without fetching anything', async () => {
    const db = await seededDb();
    await resolveEpisode(db, 'netflix', {
      videoId: '45',
      titleId: '81059939',
      season: 3,
      episode: 8,
      via: 'metadata',
      learn: true,
    });
    const metadata = vi.fn();
    const result = await identify(reader({ videoId: () => '45', metadata }), (s) => resolveEpisode(db, 'netflix', s));
    expect(result).toMatchObject({ status: 'resolved', episodeId: 's3e8', via: 'learned' });
    expect(metadata).not.toHaveBeenCalled();
  });

  it('names an unknown title, and says the controls were hidden when nothing could be read', async () => {
    const db = await seededDb();
    expect(
      await identify(reader({ videoId: () => '46', titleParts: () => ['Some Other Film'] }), (s) =>
        resolveEpisode(db, 'netflix', s),
      ),
    ).toMatchObject({ status: 'unknown', reason: 'unknown-show', title: 'Some Other Film', titleMissing: false });
    expect(await identify(reader({ videoId: () => '47' }), (s) => resolveEpisode(db, 'netflix', s))).toMatchObject({
      status: 'unknown',
      reason: 'no-signal',
      titleMissing: true,
    });
  });

  it('fetches the metadata when the page world names no show id, so a German profile is matched by id', async () => {
    const db = await seededDb();
    const metadata = vi.fn(async () => ({
      titleId: '81059939',
      type: 'show',
      showTitle: 'Heartstopper',
      season: 2,
      episode: 3,
      episodeVideoId: '90000203',
    }));
    const result = await identify(
      reader({
        pageState: async () => ({
          source: 'backstory-page',
          nonce: 'n',
          videoId: '90000203',
          showTitle: 'Herzklopfen',
          season: 2,
          episode: 3,
        }),
        metadata,
      }),
      (s) => resolveEpisode(db, 'netflix', s),
    );
    expect(metadata).toHaveBeenCalledWith('90000203', undefined);
    expect(result).toMatchObject({ status: 'resolved', episodeId: 's2e3', via: 'metadata' });
  });

  it('fetches the metadata when the page world is only partly ready', async () => {
    const db = await seededDb();
    const metadata = vi.fn(async () => ({ titleId: '81059939', season: 1, episode: 4, episodeVideoId: '90000104' }));
    const result = await identify(
      reader({ pageState: async () => ({ source: 'backstory-page', nonce: 'n', videoId: '90000104', season: 1 }), metadata }),
      (s) => resolveEpisode(db, 'netflix', s),
    );
    expect(result).toMatchObject({ status: 'resolved', episodeId: 's1e4' });
  });

  it('on a /watch/<showId> URL uses the episode the metadata names, and remembers it under that episode id', async () => {
    const db = await seededDb();
    const result = await identify(
      reader({
        videoId: () => '81059939',
        metadata: async () => ({ titleId: '81059939', type: 'show', season: 1, episode: 1, episodeVideoId: '90000101' }),
        titleParts: () => ['Heartstopper', 'E1', 'Meet'],
      }),
      (s) => resolveEpisode(db, 'netflix', s),
    );
    expect(result).toMatchObject({ status: 'resolved', episodeId: 's1e1', videoId: '90000101' });
    expect(await db.get('learned', 'netflix:81059939')).toBeUndefined();
    expect(await db.get('learned', 'netflix:90000101')).toMatchObject({ episodeId: 's1e1' });
  });

  it('waits out a recap (supplemental), from the page world or the metadata, and never calls it a film', async () => {
    const db = await seededDb();
    const resolve = vi.fn((s) => resolveEpisode(db, 'netflix', s));
    expect(
      await identify(
        reader({ pageState: async () => ({ source: 'backstory-page', nonce: 'n', videoId: '90000999', type: 'supplemental' }) }),
        resolve,
      ),
    ).toEqual({ status: 'waiting', videoId: '90000999' });
    expect(
      await identify(
        reader({ videoId: () => '90000999', metadata: async () => ({ titleId: '90000999', type: 'supplemental' }) }),
        resolve,
      ),
    ).toEqual({ status: 'waiting', videoId: '90000999' });
  });

  it('does not take a weakly chosen session that plays another id than the page shows (right after autoplay)', async () => {
    const db = await seededDb();
    const stale = {
      source: 'backstory-page' as const,
      nonce: 'n',
      videoId: '90000108',
      session: 'last' as const,
      titleId: '81059939',
      season: 1,
      episode: 8,
    };
    const metadata = vi.fn(async () => ({ titleId: '81059939', season: 2, episode: 1, episodeVideoId: '90000201' }));
    const result = await identify(reader({ pageState: async () => stale, videoId: () => '90000201', metadata }), (s) =>
      resolveEpisode(db, 'netflix', s),
    );
    expect(result).toMatchObject({ status: 'resolved', episodeId: 's2e1', videoId: '90000201' });
    const playing = { ...stale, session: 'playing' as const };
    expect(
      await identify(reader({ pageState: async () => playing, videoId: () => '81059939' }), (s) =>
        resolveEpisode(db, 'netflix', s),
      ),
    ).toMatchObject({
      episodeId: 's1e8',
    });
  });

  it('matches by episode title when Netflix hides episode numbers', async () => {
    const db = await seededDb();
    const result = await identify(
      reader({
        videoId: () => '90000202',
        metadata: async () => ({ titleId: '81059939', season: 2, episodeTitle: 'Family', episodeVideoId: '90000202' }),
      }),
      (s) => resolveEpisode(db, 'netflix', s),
    );
    expect(result).toMatchObject({ status: 'resolved', episodeId: 's2e2' });
  });

  describe('an "E3" code with no season, the usual English control bar today', () => {
    it('resolves by the episode title', async () => {
      const db = await seededDb();
      const result = await identify(reader({ videoId: () => '50', titleParts: () => ['Heartstopper', 'E3', 'Talk'] }), (s) =>
        resolveEpisode(db, 'netflix', s),
      );
      expect(result).toMatchObject({ status: 'resolved', episodeId: 's3e3', via: 'title-text' });
    });

    it('never places a multi-season episode by its number alone', async () => {
      const db = await seededDb();
      const result = await identify(
        reader({ videoId: () => '51', titleParts: () => ['Heartstopper', 'E3', 'Folge 2-3 (deutsch)'] }),
        (s) => resolveEpisode(db, 'netflix', s),
      );
      expect(result).toMatchObject({ status: 'unknown', reason: 'unknown-episode' });
    });

    it('confirms the season and show id the page world gave', async () => {
      const db = await seededDb();
      const result = await identify(
        reader({
          pageState: async () => ({ source: 'backstory-page', nonce: 'n', videoId: '52', titleId: '81059939', season: 2 }),
          titleParts: () => ['Herzklopfen', 'E3', 'Folge 2-3 (deutsch)'],
        }),
        (s) => resolveEpisode(db, 'netflix', s),
      );
      expect(result).toMatchObject({ status: 'resolved', episodeId: 's2e3', via: 'title-text' });
    });
  });
});
