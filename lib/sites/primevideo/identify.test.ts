import { describe, expect, it } from 'vitest';
import { entry, GTI1, GTI2 } from '../../../tests/support/prime-catalog';
import { testService } from '../../../tests/support/test-service';
import type { CatalogEntry } from './catalog-bridge';
import type { DomTitle } from './dom-reader';
import { observe, type PrimeReader } from './identify';

const dom = (episode: number, title: string): DomTitle => ({
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
  it('sends the catalog entries as the hook gave them and the title’s two parts, pairing nothing itself', async () => {
    const entries = [entry(GTI1, 1, 'Meet', 1), entry(GTI2, 2, 'Crush', 2)];
    expect(await observe(reader({ catalog: async () => entries }))).toEqual({
      signals: [{ kind: 'title-text', value: { parts: ['Heartstopper', 'S1 E1 Meet'] } }],
      catalog: entries,
    });
  });

  it('is paired in the background: the GTI of the entry the screen shows is the video id and the signal’s', async () => {
    const { svc } = testService();
    const tab = { tabId: 1, site: 'primevideo' as const };
    // After autoplay a newer catalog of another episode may have arrived: the screen's episode decides.
    const observed = await observe(reader({ catalog: async () => [entry(GTI1, 1, 'Meet', 1), entry(GTI2, 2, 'Crush', 2)] }));
    expect(await svc.identifyEpisode(observed, tab)).toMatchObject({ videoId: GTI1 });
    const next = await observe(reader({ title: () => dom(2, 'Crush'), catalog: async () => observed.catalog as CatalogEntry[] }));
    expect(await svc.identifyEpisode(next, tab)).toMatchObject({ videoId: GTI2 });
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

  it('still sends the title when the page world does not answer', async () => {
    const observed = await observe(reader({ catalog: async () => undefined }));
    expect(observed).toEqual({ signals: [{ kind: 'title-text', value: { parts: ['Heartstopper', 'S1 E1 Meet'] } }] });
  });
});

describe('a catalog entry out of shape, through the background', () => {
  it('is not heard, and the title on screen still is', async () => {
    const { svc } = testService();
    const tab = { tabId: 1, site: 'primevideo' as const };
    for (const bad of [{ season: -1 }, { episode: 'two' }, { title: 'x'.repeat(900) }, { seriesTitle: { toString: 'x' } }]) {
      const observed = await observe(reader({ catalog: async () => [{ ...entry(GTI1, 1, 'Meet', 1), ...bad }] }));
      // The message stands, the title on screen heard (an entry whose numbers are out of shape does not agree with
      // it, so it gives no video id either); the entry alone says nothing.
      expect(await svc.identifyEpisode(observed, tab)).toMatchObject({ status: 'resolved', episodeId: 's1e1', confirmed: false });
      const alone = await svc.identifyEpisode({ ...observed, signals: [] }, tab);
      expect(alone).toMatchObject({ status: 'unknown', reason: 'no-signal' });
    }
  });
});

describe('the catalog an observation carries, in the background (lib/service/inputs.ts)', () => {
  const tab = { tabId: 1, site: 'primevideo' as const };
  const title = { kind: 'title-text', value: { parts: ['Heartstopper', 'S1 E2 Crush'] } };

  it('is refused past six entries', async () => {
    const { svc } = testService();
    const catalog = Array.from({ length: 7 }, (_, i) => entry(GTI1, 1, 'Meet', i));
    await expect(svc.identifyEpisode({ signals: [title], catalog }, tab)).rejects.toThrow(/Invalid identifyEpisode/);
  });

  it('leaves out an entry too long, of another shape or naming another site’s id; the rest stands', async () => {
    const { svc } = testService();
    const good = entry(GTI1, 2, 'Crush', 1);
    for (const bad of [
      { ...entry(GTI2, 2, 'Crush', 2), extra: { nested: 'x'.repeat(3000) } },
      { ...entry(GTI2, 2, 'x'.repeat(2500), 2) },
      { ...entry(GTI2, 2, 'Crush', 2), type: 'EPISODE' },
      { ...entry('80057281', 2, 'Crush', 2) },
    ])
      expect(await svc.identifyEpisode({ signals: [title], catalog: [good, bad] }, tab)).toMatchObject({ videoId: GTI1 });
  });

  it('is not heard about another video than the one the message names', async () => {
    const { svc } = testService();
    const other = await svc.identifyEpisode({ videoId: GTI2, signals: [], catalog: [entry(GTI1, 1, 'Meet', 1)] }, tab);
    // The paired entry's signal is about GTI1: stale, so the background waits for the page to agree with itself.
    expect(other).toEqual({ status: 'waiting', videoId: GTI2 });
  });
});
