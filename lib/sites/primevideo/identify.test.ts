import { describe, expect, it } from 'vitest';
import { testService } from '../../../tests/support/test-service';
import type { CatalogEntry } from './catalog-bridge';
import type { DomTitle } from './dom-reader';
import { observe, type PrimeReader, pickEntry } from './identify';

const GTI1 = 'amzn1.dv.gti.00000000-0000-4000-8000-000000000101';
const GTI2 = 'amzn1.dv.gti.00000000-0000-4000-8000-000000000102';
const entry = (gti: string, episode: number, title: string, at: number): CatalogEntry => ({
  gti,
  type: 'episode',
  seriesTitle: 'Heartstopper',
  title,
  season: 1,
  episode,
  at,
});
const dom = (episode: number, title: string): DomTitle => ({
  showTitle: 'Heartstopper',
  line: { season: 1, episode, episodeTitle: title },
  text: `Heartstopper|S1 E${episode} ${title}`,
  parts: ['Heartstopper', `S1 E${episode} ${title}`],
});
const reader = (over: Partial<PrimeReader> = {}): PrimeReader => ({
  adPlaying: () => false,
  title: () => dom(1, 'Meet'),
  staleText: () => undefined,
  catalog: async () => [entry(GTI1, 1, 'Meet', 1)],
  ...over,
});

describe('observing Prime Video', () => {
  it('sends the catalog entry (its GTI as the video id) and the title’s two parts as page signals', async () => {
    expect(await observe(reader())).toEqual({
      videoId: GTI1,
      signals: [
        {
          kind: 'page-world',
          value: { videoId: GTI1, showTitle: 'Heartstopper', season: 1, episode: 1, episodeTitle: 'Meet' },
        },
        { kind: 'title-text', value: { parts: ['Heartstopper', 'S1 E1 Meet'] } },
      ],
    });
  });

  it('says something else plays while an ad does, and reads nothing then', async () => {
    let asked = false;
    const observed = await observe(
      reader({
        adPlaying: () => true,
        catalog: async () => {
          asked = true;
          return [];
        },
      }),
    );
    expect(observed).toEqual({ signals: [{ kind: 'page-world', value: { type: 'supplemental' } }] });
    expect(asked).toBe(false);
  });

  it('waits out the previous episode’s title after autoplay in the same <video>', async () => {
    const observed = await observe(reader({ staleText: () => dom(1, 'Meet').text }));
    expect(observed.signals).toEqual([{ kind: 'page-world', value: { type: 'supplemental' } }]);
  });

  it('pairs the entry that says what the screen says, not the newest, and the newest when none does', () => {
    const entries = [entry(GTI1, 1, 'Meet', 1), entry(GTI2, 2, 'Crush', 2)];
    expect(pickEntry(entries, dom(1, 'Meet'))?.gti).toBe(GTI1);
    expect(pickEntry(entries, dom(3, 'Kiss'))?.gti).toBe(GTI2);
    expect(pickEntry(entries, undefined)?.gti).toBe(GTI2);
    expect(pickEntry([], dom(1, 'Meet'))).toBeUndefined();
  });

  it('still sends the title when the page world does not answer', async () => {
    const observed = await observe(reader({ catalog: async () => undefined }));
    expect(observed).toEqual({
      videoId: undefined,
      signals: [{ kind: 'title-text', value: { parts: ['Heartstopper', 'S1 E1 Meet'] } }],
    });
  });
});

describe('a catalog entry out of shape, through the background', () => {
  it('is not heard, and the title on screen still is', async () => {
    const { svc } = testService();
    const tab = { tabId: 1, site: 'primevideo' as const };
    for (const bad of [{ season: -1 }, { episode: 'two' }, { title: 'x'.repeat(900) }, { seriesTitle: { toString: 'x' } }]) {
      const observed = await observe(reader({ catalog: async () => [{ ...entry(GTI1, 1, 'Meet', 1), ...bad }] }));
      // The message stands, the title on screen heard; the entry alone says nothing.
      expect(await svc.identifyEpisode(observed, tab)).toMatchObject({ videoId: GTI1 });
      const alone = await svc.identifyEpisode({ ...observed, signals: observed.signals.slice(0, 1) }, tab);
      expect(alone).toMatchObject({ status: 'unknown', reason: 'no-signal' });
    }
  });
});
