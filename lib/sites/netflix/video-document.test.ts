// Real-shaped documents (§2.1 of netflix-real-evidence.md), from the imitation's catalog.
import { describe, expect, it } from 'vitest';
import { metadataFor, RECAP } from '../../../tests/fixtures/netflix/catalog.js';
import { readVideoDocument } from './video-document';

const video = (id: number, options?: Parameters<typeof metadataFor>[1]) => metadataFor(id, options)?.video;

describe('readVideoDocument', () => {
  it('reads the show id from video.id and the episode from its id', () => {
    expect(readVideoDocument(video(90000203), '90000203')).toEqual({
      titleId: '81059939',
      type: 'show',
      showTitle: 'Heartstopper',
      season: 2,
      episode: 3,
      episodeTitle: 'Promise',
      episodeVideoId: '90000203',
    });
  });

  it('uses currentEpisode when asked with the show id (a /watch/<showId> URL) [S1, S2]', () => {
    expect(readVideoDocument(video(81059939), '81059939')).toMatchObject({ season: 1, episode: 1, episodeVideoId: '90000101' });
  });

  it('uses currentEpisode when the asked id is not among the episodes', () => {
    const doc = { ...video(90000305), seasons: undefined };
    expect(readVideoDocument(doc, '123')).toMatchObject({ titleId: '81059939' });
    expect(readVideoDocument(video(90000305), '123')).toMatchObject({ season: 3, episode: 5, episodeVideoId: '90000305' });
  });

  it('drops seq as an episode number when hiddenEpisodeNumbers is set at any level [S1, S6]', () => {
    expect(readVideoDocument(video(90000102, { hidden: true }), '90000102')).toMatchObject({
      season: 1,
      episode: undefined,
      episodeTitle: 'Crush',
    });
    const doc = structuredClone(video(90000102)) as { seasons: { episodes: Record<string, unknown>[] }[] };
    const first = doc.seasons[0]?.episodes[1];
    if (first) first.hiddenEpisodeNumbers = true;
    expect(readVideoDocument(doc, '90000102')?.episode).toBeUndefined();
  });

  it('finds an episode listed only by episodeId [S3]', () => {
    const doc = { id: 1, type: 'show', seasons: [{ seq: 4, episodes: [{ episodeId: 77, seq: 2, title: 'T' }] }] };
    expect(readVideoDocument(doc, '77')).toMatchObject({ season: 4, episode: 2, episodeVideoId: '77' });
  });

  it('reports a recap as supplemental with nothing else [S13]', () => {
    expect(readVideoDocument(video(RECAP.id), String(RECAP.id))).toEqual({
      titleId: String(RECAP.id),
      type: 'supplemental',
      showTitle: RECAP.title,
    });
  });

  it('returns nothing for shapes that are not a document, and bounds what it reads', () => {
    for (const bad of [undefined, null, 'x', 42, {}, { id: '1' }, { id: -1 }, { id: 1.5 }])
      expect(readVideoDocument(bad, '1')).toBeUndefined();
    const huge = { id: 1, seasons: Array.from({ length: 1000 }, (_, i) => ({ seq: i, episodes: [{ id: 5000 + i, seq: 1 }] })) };
    expect(readVideoDocument(huge, '5999')).toEqual({ titleId: '1', type: undefined, showTitle: undefined });
    expect(readVideoDocument({ id: 1, title: 'x'.repeat(10_000) }, '1')?.showTitle).toHaveLength(500);
  });
});
