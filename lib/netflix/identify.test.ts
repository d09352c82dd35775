import { describe, expect, it, vi } from 'vitest';
import { seededDb } from '../../tests/support/seeded-db';
import { resolveEpisode } from '../db/resolve';
import { identify, type PageReader } from './identify';

const reader = (overrides: Partial<PageReader>): PageReader => ({
  pageState: async () => undefined,
  videoId: () => undefined,
  titleParts: () => undefined,
  metadata: async () => undefined,
  ...overrides,
});

describe('identify', () => {
  it('uses the page-world player state first', async () => {
    const db = await seededDb();
    const metadata = vi.fn();
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
      (s) => resolveEpisode(db, s),
    );
    expect(result).toMatchObject({ status: 'resolved', episodeId: 's1e3', via: 'page-world', videoId: '42' });
    expect(metadata).not.toHaveBeenCalled();
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
      (s) => resolveEpisode(db, s),
    );
    expect(result).toMatchObject({ status: 'resolved', episodeId: 's2e1', via: 'metadata' });
  });

  it('falls back to the title text in another language', async () => {
    const db = await seededDb();
    const result = await identify(reader({ videoId: () => '44', titleParts: () => ['Heartstopper', 'Flg. 5', 'Friend'] }), (s) =>
      resolveEpisode(db, s),
    );
    expect(result).toMatchObject({ status: 'resolved', episodeId: 's1e5', via: 'title-text' });
  });

  it('answers from memory on a second visit without fetching anything', async () => {
    const db = await seededDb();
    await resolveEpisode(db, { videoId: '45', titleId: '81059939', season: 3, episode: 8, via: 'metadata' });
    const metadata = vi.fn();
    const result = await identify(reader({ videoId: () => '45', metadata }), (s) => resolveEpisode(db, s));
    expect(result).toMatchObject({ status: 'resolved', episodeId: 's3e8', via: 'learned' });
    expect(metadata).not.toHaveBeenCalled();
  });

  it('names an unknown title, and says the controls were hidden when nothing could be read', async () => {
    const db = await seededDb();
    expect(
      await identify(reader({ videoId: () => '46', titleParts: () => ['Some Other Film'] }), (s) => resolveEpisode(db, s)),
    ).toMatchObject({ status: 'unknown', reason: 'unknown-show', title: 'Some Other Film', titleMissing: false });
    expect(await identify(reader({ videoId: () => '47' }), (s) => resolveEpisode(db, s))).toMatchObject({
      status: 'unknown',
      reason: 'no-signal',
      titleMissing: true,
    });
  });
});
