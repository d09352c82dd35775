// Netflix's reader gathers signals, each named by where it was read, and names what the background should ask
// Netflix's server about; the background (lib/identity/policy.ts) asks it and decides. The second part runs the
// reader into the real service for Netflix's own cases.
import { describe, expect, it } from 'vitest';
import { type Said, serverSaying } from '../../../tests/support/server';
import { testService } from '../../../tests/support/test-service';
import { observe, type PageReader } from './identify';
import type { PageState } from './page-bridge';

const reader = (overrides: Partial<PageReader>): PageReader => ({
  pageState: async () => undefined,
  videoId: () => undefined,
  titleParts: () => undefined,
  ...overrides,
});
const state = (fields: Partial<PageState>): PageState => ({ source: 'backstory-page', nonce: 'n', ...fields });

describe('observe', () => {
  it('names each signal by where it was read, and asks the server about the id the page shows', async () => {
    const observed = await observe(
      reader({
        pageState: async () => state({ videoId: '41', season: 1, episode: 2, memberApiPath: '/x', probe: 'player yes' }),
        videoId: () => '42',
        titleParts: () => ['Heartstopper', 'E3', 'Kiss'],
      }),
    );
    expect(observed).toEqual({
      videoId: '42',
      signals: [
        // Only what the page world read of the video: not the channel's fields, nor its probe.
        { kind: 'page-world', value: { videoId: '41', season: 1, episode: 2 } },
        { kind: 'title-text', value: { parts: ['Heartstopper', 'E3', 'Kiss'] } },
      ],
      // The server is the background's to ask, in the same message; the route the page named goes as a hint.
      ask: { videoId: '42', pageRoute: '/x' },
    });
  });

  it('asks by the page world’s id only when the page shows none, and not at all without an id', async () => {
    expect((await observe(reader({ pageState: async () => state({ videoId: '43' }) }))).ask).toEqual({
      videoId: '43',
      pageRoute: undefined,
    });
    expect((await observe(reader({ titleParts: () => ['Heartstopper'] }))).ask).toBeUndefined();
  });
});

/** The reader's signals through the background, as one identifyEpisode message from a Netflix tab. */
async function identify({ metadata, ...overrides }: Partial<PageReader> & { metadata?: () => Said | undefined }) {
  const { svc } = testService({}, { askServer: serverSaying(() => metadata?.()) });
  return { svc, result: await svc.identifyEpisode(await observe(reader(overrides)), { tabId: 1, site: 'netflix' }) };
}

describe('Netflix signals through the background', () => {
  it('matches a German profile by the show’s id in the metadata, not by its translated title', async () => {
    const { result } = await identify({
      pageState: async () => state({ videoId: '90000203', showTitle: 'Herzklopfen', season: 2, episode: 3 }),
      metadata: () => ({ titleId: '81059939', type: 'show', showTitle: 'Heartstopper', season: 2, episode: 3 }),
    });
    expect(result).toMatchObject({ status: 'resolved', episodeId: 's2e3', via: 'metadata', confirmed: true });
  });

  it('reads the title text in another language in the background, as a guess', async () => {
    const { result } = await identify({ videoId: () => '44', titleParts: () => ['Heartstopper', 'Flg. 5', 'Friend'] });
    expect(result).toMatchObject({ status: 'resolved', episodeId: 's1e5', via: 'title-text', confirmed: false });
  });

  it('places an "E3" title by the season the metadata gives, and never a multi-season episode by number alone', async () => {
    const { result } = await identify({
      videoId: () => '52',
      metadata: () => ({ titleId: '81059939', season: 2 }),
      titleParts: () => ['Herzklopfen', 'E3', 'Folge 2-3 (deutsch)'],
    });
    expect(result).toMatchObject({ status: 'resolved', episodeId: 's2e3', via: 'title-text', confirmed: false });
    const alone = await identify({ videoId: () => '51', titleParts: () => ['Heartstopper', 'E3', 'Folge 2-3 (deutsch)'] });
    expect(alone.result).toMatchObject({ status: 'unknown', reason: 'unknown-episode' });
  });

  it('on a /watch/<showId> URL uses the episode the metadata names, and learns it under that episode’s id', async () => {
    const { svc, result } = await identify({
      videoId: () => '81059939',
      metadata: () => ({ titleId: '81059939', type: 'show', season: 1, episode: 1, episodeVideoId: '90000101' }),
    });
    expect(result).toMatchObject({ status: 'resolved', episodeId: 's1e1', videoId: '90000101' });
    const again = await svc.identifyEpisode({ videoId: '90000101', signals: [] }, { tabId: 1, site: 'netflix' });
    expect(again).toMatchObject({ episodeId: 's1e1', via: 'learned', confirmed: true });
  });

  it('matches by episode title when Netflix hides episode numbers', async () => {
    const { result } = await identify({
      videoId: () => '90000202',
      metadata: () => ({ titleId: '81059939', season: 2, episodeTitle: 'Family', episodeVideoId: '90000202' }),
    });
    expect(result).toMatchObject({ status: 'resolved', episodeId: 's2e2', confirmed: true });
  });

  it('waits out a recap and names an unknown title, saying when the controls were hidden', async () => {
    expect(
      (await identify({ videoId: () => '90000999', metadata: () => ({ titleId: '90000999', type: 'supplemental' }) })).result,
    ).toEqual({ status: 'waiting', videoId: '90000999' });
    expect((await identify({ videoId: () => '46', titleParts: () => ['Some Other Film'] })).result).toMatchObject({
      status: 'unknown',
      reason: 'unknown-show',
      title: 'Some Other Film',
      titleMissing: false,
    });
    expect((await identify({ videoId: () => '47' })).result).toMatchObject({
      status: 'unknown',
      reason: 'no-signal',
      titleMissing: true,
    });
  });
});
