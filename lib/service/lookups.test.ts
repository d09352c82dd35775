// The panel's lookups for a title without a pack, through the service: the title comes from what the tab's
// signals said; nothing is asked of a provider before the viewer allows it, or after they take it back.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Said, serverSaying } from '../../tests/support/server';
import { testService } from '../../tests/support/test-service';
import type { TabTitle } from '../lookup/title-view';

const sample = (name: string) => JSON.parse(readFileSync(`tests/fixtures/providers/${name}.json`, 'utf8')).response;
const got = sample('tvmaze-show-embed-cast-crew.GoT');
const sparql = { head: { vars: [] }, results: { bindings: [{ tvmaze: { type: 'literal', value: '82' } }] } };
const tab = { tabId: 7, site: 'netflix' as const };

function setUp() {
  const { svc, deps } = testService();
  const titles = new Map<number, TabTitle>();
  const asked: string[] = [];
  const askedAt: number[] = [];
  let allowed = false;
  // A clock that moves only when the lookups wait, and a wait the test may hold.
  const clock = { t: 1_000_000, hold: undefined as Promise<void> | undefined };
  const pace = {
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
      await clock.hold;
    },
  };
  const provider = {
    request: async (url: string) => {
      asked.push(url);
      askedAt.push(clock.t);
      // TVmaze's search answers with the show, scored (the shape of /search/shows).
      const { _embedded: _, ...show } = got;
      const body = url.includes('wikidata') ? sparql : url.includes('/search/shows') ? [{ score: 0.9, show }] : got;
      return new Response(JSON.stringify(body), { status: 200 });
    },
  };
  deps.unpackedTitles = {
    get: async (id) => titles.get(id),
    set: async (id, v) => void (v ? titles.set(id, v) : titles.delete(id)),
  };
  deps.lookups = { allowed: async () => allowed, tvmaze: provider, wikidata: provider, pace };
  // Netflix's metadata, as the background asks for it: what `say` last set.
  let says: Said | undefined;
  deps.askServer = serverSaying(() => says);
  const allow = (yes: boolean) => {
    allowed = yes;
  };
  const say = (value: Said | undefined) => {
    says = value;
  };
  return { svc, titles, asked, askedAt, allow, clock, say };
}

const unknownShow = { videoId: '70000101', titleId: '70000100', showTitle: 'Game of Thrones', season: 1, episode: 1 };

describe('lookups for a title without a pack', () => {
  it('asks nothing until the viewer allows it, then finds the show, and asks nothing once it is taken back', async () => {
    const { svc, asked, allow, say } = setUp();
    say(unknownShow);
    await svc.identifyEpisode({ videoId: unknownShow.videoId, signals: [], ask: { videoId: unknownShow.videoId } }, tab);
    expect(await svc.getTitleLookup(undefined, tab)).toEqual({ status: 'off' });
    expect(asked).toEqual([]);
    allow(true);
    const view = await svc.getTitleLookup(undefined, tab);
    // Netflix gave a season and an episode: a series, looked up on TVmaze too.
    expect(view).toMatchObject({ status: 'found', show: { name: 'Game of Thrones' }, playing: { title: 'Game of Thrones' } });
    expect(await svc.getLookupStats()).toEqual({ allowed: true, titles: 1 });
    allow(false);
    const before = asked.length;
    expect(await svc.getTitleLookup(undefined, tab)).toEqual({ status: 'off' });
    expect(asked).toHaveLength(before);
    await svc.clearLookups();
    expect(await svc.getLookupStats()).toEqual({ allowed: false, titles: 0 });
  });

  it('keeps what each signal says, Backstory’s own metadata over the page’s, and forgets it for a known show', async () => {
    const { svc, titles, say } = setUp();
    const { videoId, titleId } = unknownShow;
    say({ titleId, showTitle: 'Game of Thrones' });
    await svc.identifyEpisode(
      {
        videoId,
        signals: [
          { kind: 'page-world', value: { ...unknownShow, showTitle: 'Juego de tronos', episodeTitle: 'Se acerca' } },
          // A weaker signal naming another title for the same video changes nothing.
          { kind: 'title-text', value: { titleId: '70000999', showTitle: 'Other' } },
        ],
        ask: { videoId },
      },
      tab,
    );
    // With the site of the sender's page, which keys its lookups.
    expect(titles.get(7)).toMatchObject({
      site: 'netflix',
      titleId,
      title: 'Game of Thrones',
      season: 1,
      episode: 1,
      episodeTitle: 'Se acerca',
    });
    const known = { titleId: '81000001', showTitle: 'Heartstopper', season: 1, episode: 1 };
    say(known);
    await svc.identifyEpisode({ signals: [], ask: { videoId: '90000101' } }, tab);
    expect(titles.has(7)).toBe(false);
  });

  it('is asked only from a tab the panel is in, and with a TVmaze id for a pick', async () => {
    const { svc, allow } = setUp();
    allow(true);
    await expect(svc.getTitleLookup(undefined, {})).rejects.toThrow(/not asked from a tab/);
    await expect(svc.chooseLookupShow({ tvmazeId: 'x' }, tab)).rejects.toThrow(/Invalid chooseLookupShow/);
    expect(await svc.getTitleLookup(undefined, tab)).toEqual({ status: 'no-title' });
  });

  it('looks up nothing for a title kept without its site (an older version’s session)', async () => {
    const { svc, titles, asked, allow } = setUp();
    allow(true);
    titles.set(7, { titleId: '70000100', title: 'Game of Thrones' } as TabTitle);
    expect(await svc.getTitleLookup(undefined, tab)).toEqual({ status: 'no-title' });
    expect(asked).toEqual([]);
  });

  it('looks up only a title Netflix’s own metadata named, not the page’s word alone, until the viewer confirms it (review 2, N23)', async () => {
    const { svc, asked, allow, say } = setUp();
    allow(true);
    const forged = { ...unknownShow, showTitle: 'Attacker chosen title' };
    // Only the route the page named answers: the page's word.
    say({ ...forged, fromPage: true });
    await svc.identifyEpisode(
      {
        videoId: unknownShow.videoId,
        signals: [
          { kind: 'page-world', value: forged },
          { kind: 'title-text', value: forged },
        ],
        ask: { videoId: unknownShow.videoId, pageRoute: '/nq/website/memberapi/v6c030968' },
      },
      tab,
    );
    // The panel asks the viewer first; nothing is asked of a provider meanwhile.
    expect(await svc.getTitleLookup(undefined, tab)).toEqual({
      status: 'confirm',
      playing: { ...unknownShow, showTitle: undefined, title: 'Attacker chosen title', episodeTitle: undefined },
    });
    expect(await svc.getLookupCandidates(undefined, tab)).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('looks up a title only the page named once the viewer confirms it in the panel, and keeps that for its next episode', async () => {
    const { svc, asked, allow } = setUp();
    allow(true);
    const prime = { tabId: 8, site: 'primevideo' as const };
    // Prime Video's catalog entry, read in the page world: a GTI and the series title, no show id.
    const episode = (n: number) => ({
      videoId: `amzn1.dv.gti.00000000-0000-4000-8000-00000000090${n}`,
      signals: [
        {
          kind: 'page-world' as const,
          value: {
            videoId: `amzn1.dv.gti.00000000-0000-4000-8000-00000000090${n}`,
            showTitle: 'Game of Thrones',
            season: 1,
            episode: n,
          },
        },
      ],
    });
    await svc.identifyEpisode(episode(1), prime);
    const asking = await svc.getTitleLookup(undefined, prime);
    expect(asking).toMatchObject({ status: 'confirm', playing: { titleId: 'title:game of thrones', title: 'Game of Thrones' } });
    expect(asked).toEqual([]);
    // Confirming another title than the tab holds (the page moved on) confirms nothing.
    expect(await svc.confirmLookupTitle({ titleId: 'title:other' }, prime)).toMatchObject({ status: 'confirm' });
    expect(asked).toEqual([]);
    // A title alone never makes a clear winner (no id, no year): the viewer picks the show, as for any unsure title.
    expect(await svc.confirmLookupTitle({ titleId: 'title:game of thrones' }, prime)).toMatchObject({
      status: 'unsure',
      candidates: [{ id: 82, name: 'Game of Thrones' }],
    });
    expect(await svc.chooseLookupShow({ tvmazeId: 82 }, prime)).toMatchObject({
      status: 'found',
      show: { id: 82, name: 'Game of Thrones' },
    });
    // By its title alone: TVmaze's search, and Wikidata by the TVmaze id, never a site id.
    expect(asked.some((u) => u.includes('/search/shows?q=Game%20of%20Thrones'))).toBe(true);
    expect(asked.some((u) => u.includes('P1874'))).toBe(false);
    // The next episode of the same title needs no new confirmation, even with an ad (something else) in between;
    // another title does.
    await svc.identifyEpisode({ signals: [{ kind: 'page-world', value: { type: 'supplemental' } }] }, prime);
    await svc.identifyEpisode(episode(2), prime);
    expect(await svc.getTitleLookup(undefined, prime)).toMatchObject({ status: 'found' });
    await svc.identifyEpisode(
      {
        videoId: episode(3).videoId,
        signals: [{ kind: 'page-world', value: { ...episode(3).signals[0]?.value, showTitle: 'Another Show' } }],
      },
      prime,
    );
    expect(await svc.getTitleLookup(undefined, prime)).toMatchObject({ status: 'confirm', playing: { title: 'Another Show' } });
  });

  it('refuses a confirmation with no title or an oversized one', async () => {
    const { svc } = setUp();
    await expect(svc.confirmLookupTitle({}, tab)).rejects.toThrow();
    await expect(svc.confirmLookupTitle({ titleId: 'x'.repeat(500) }, tab)).rejects.toThrow();
  });

  it('looks up at most one new title per tab every few seconds, and drops a title the page has moved on from (N23)', async () => {
    const { svc, asked, askedAt, allow, clock, say } = setUp();
    allow(true);
    const claim = (n: number) => {
      say({ videoId: `7000${n}101`, titleId: `7000${n}100`, showTitle: `Title ${n}` });
      return svc.identifyEpisode({ videoId: `7000${n}101`, signals: [], ask: { videoId: `7000${n}101` } }, tab);
    };
    await claim(1);
    await svc.getTitleLookup(undefined, tab);
    const first = askedAt[0] ?? 0;
    expect(asked.some((u) => u.includes('70001100'))).toBe(true);
    // A second title at once waits its turn.
    await claim(2);
    const before = asked.length;
    await svc.getTitleLookup(undefined, tab);
    expect(askedAt[before]).toBeGreaterThanOrEqual(first + 5_000);
    // A third title, replaced by a fourth while it waits: the third is never asked for.
    await claim(3);
    let release = () => {};
    clock.hold = new Promise((resolve) => {
      release = resolve;
    });
    const third = svc.getTitleLookup(undefined, tab);
    await claim(4);
    clock.hold = undefined;
    release();
    expect(await third).toMatchObject({ playing: { title: 'Title 4' } });
    expect(asked.some((u) => u.includes('70003100'))).toBe(false);
    expect(asked.some((u) => u.includes('70004100'))).toBe(true);
    // The same title again is answered at once, from the cache.
    const at = clock.t;
    await svc.getTitleLookup(undefined, tab);
    expect(clock.t).toBe(at);
  });
});
