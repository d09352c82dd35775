// The identity policy over every combination of signal sources, each with the writer its kind fixes.
import { describe, expect, it } from 'vitest';
import type { EpisodeSignals, Resolution, Stored } from '../db/resolve';
import { type Decision, decide, type Observation, type Signal, type SignalKind, signal, WRITER } from './policy';

/** Two episodes of one known show, and a title no pack knows. */
const X = { titleId: '100', season: 1, episode: 1 };
const Y = { titleId: '100', season: 3, episode: 8 };
const UNKNOWN = { titleId: '999', showTitle: 'Some other film' };
const ep = (v: { season: number; episode: number }) => `s${v.season}e${v.episode}`;

/** The background's matcher, faked: show 100 has s1e1 and s3e8; anything else is unknown. */
async function match(s: EpisodeSignals): Promise<Resolution> {
  if (s.titleId !== '100') return { status: 'unknown-show', title: s.showTitle };
  const id = `s${s.season}e${s.episode}`;
  if (id === 's1e1' || id === 's3e8') return { status: 'resolved', showId: 'show', episodeId: id, via: s.via };
  return { status: 'unknown-episode', showId: 'show', showTitle: 'Show' };
}

type Choice<T> = readonly [label: string, value: T | undefined];
const none = ['—', undefined] as const;
const VIEWER: Choice<Stored>[] = [none, ['viewer X', { showId: 'show', episodeId: 's1e1', via: 'correction', writer: 'viewer' }]];
const STORED: Choice<Stored>[] = [
  none,
  ['learned X (server)', { showId: 'show', episodeId: 's1e1', via: 'learned', writer: 'server' }],
  ['learned Y (server)', { showId: 'show', episodeId: 's3e8', via: 'learned', writer: 'server' }],
  ['learned Y (page)', { showId: 'show', episodeId: 's3e8', via: 'learned', writer: 'page' }],
];
const VALUES = [none, ['X', X], ['Y', Y]] as const;
const SOURCES: { kind: SignalKind; choices: readonly (readonly [string, object | undefined])[] }[] = [
  { kind: 'metadata', choices: [...VALUES, ['unknown title', UNKNOWN]] },
  { kind: 'page-world', choices: VALUES },
  { kind: 'title-text', choices: VALUES },
  { kind: 'page-metadata', choices: [none, ['Y', Y]] },
];

interface Case {
  label: string;
  viewer?: Stored;
  stored?: Stored;
  signals: Signal[];
  /** What each kind said, by label ('X', 'Y', 'unknown title'). */
  said: Partial<Record<SignalKind, string>>;
}

/** Every combination: the viewer's answer, what is stored, and each signal kind absent or naming X, Y, … */
function* cases(): Generator<Case> {
  for (const [vl, viewer] of VIEWER)
    for (const [sl, stored] of STORED) {
      let lists: Omit<Case, 'viewer' | 'stored'>[] = [{ label: `viewer=${vl} stored=${sl}`, signals: [], said: {} }];
      for (const { kind, choices } of SOURCES)
        lists = lists.flatMap((c) =>
          choices.map(([cl, value]) =>
            value
              ? {
                  label: `${c.label} ${kind}=${cl}`,
                  signals: [...c.signals, signal(kind, { ...value })],
                  said: { ...c.said, [kind]: cl },
                }
              : { ...c, label: `${c.label} ${kind}=—` },
          ),
        );
      for (const c of lists) yield { ...c, viewer, stored };
    }
}

const run = (c: Case): Promise<Decision> =>
  decide({ videoId: '42', signals: c.signals } satisfies Observation, { match, recall: async () => c.viewer ?? c.stored });

const ALL = [...cases()];
/** The episode the server named, if it named one of the show's. */
const serverEpisode = (c: Case) => ({ X: 's1e1', Y: 's3e8' })[c.said.metadata as 'X' | 'Y'] as string | undefined;
const pageOnly = (c: Case) => !c.viewer && !c.stored && !c.said.metadata;

describe('the identity policy, over every combination of signals and who writes them', () => {
  it('covers every combination', () => {
    expect(ALL.length).toBe(2 * 4 * 4 * 3 * 3 * 2);
  });

  it('classes each signal by its kind alone: only the metadata from its own route is the server’s', () => {
    expect(WRITER).toEqual({ metadata: 'server', 'page-metadata': 'page', 'page-world': 'page', 'title-text': 'page' });
  });

  it('page signals alone show a guess at most: never learned, confirmed or forgotten', async () => {
    const cases = ALL.filter(pageOnly);
    expect(cases.length).toBe(3 * 3 * 2);
    for (const c of cases) {
      const d = await run(c);
      expect(d.learn, c.label).toBeUndefined();
      expect(d.unlearn, c.label).toBeFalsy();
      if (d.identification.status === 'resolved') expect(d.identification.confirmed, c.label).toBe(false);
    }
  });

  it('the viewer’s answer (only ever stored from an extension page) is confirmed and outranks every signal', async () => {
    for (const c of ALL.filter((c) => c.viewer)) {
      const d = await run(c);
      expect(d.identification, c.label).toMatchObject({
        status: 'resolved',
        episodeId: 's1e1',
        via: 'correction',
        confirmed: true,
      });
      expect(d.learn, c.label).toBeUndefined();
    }
  });

  it('the server’s word wins every conflict, is confirmed, and is learned unless the server already vouched for it', async () => {
    const cases = ALL.filter((c) => !c.viewer && serverEpisode(c));
    expect(cases.length).toBe(4 * 2 * 3 * 3 * 2);
    for (const c of cases) {
      const d = await run(c);
      const episode = serverEpisode(c);
      expect(d.identification, c.label).toMatchObject({ status: 'resolved', episodeId: episode, confirmed: true });
      const alreadyVouched = c.stored?.writer === 'server' && c.stored.episodeId === episode;
      if (alreadyVouched) expect(d.learn, c.label).toBeUndefined();
      else expect(d.learn && ep(d.learn as { season: number; episode: number }), c.label).toBe(episode);
    }
  });

  it('re-checks a stored mapping against the server: one it places elsewhere is replaced or forgotten', async () => {
    for (const c of ALL.filter((c) => !c.viewer && c.stored && c.said.metadata)) {
      const d = await run(c);
      if (c.said.metadata === 'unknown title') {
        expect(d.unlearn, c.label).toBe(true);
        expect(d.identification.status, c.label).toBe('unknown');
      } else if (serverEpisode(c) !== c.stored?.episodeId || c.stored?.writer !== 'server') {
        expect(d.learn?.via, c.label).toBe('metadata');
      }
    }
  });

  it('while the server cannot be asked, a stored mapping stands against the page, confirmed only if the server vouched', async () => {
    for (const c of ALL.filter((c) => !c.viewer && c.stored && !c.said.metadata)) {
      const d = await run(c);
      expect(d.identification, c.label).toMatchObject({
        status: 'resolved',
        episodeId: c.stored?.episodeId,
        confirmed: c.stored?.writer === 'server',
      });
      expect(d.learn, c.label).toBeUndefined();
    }
  });

  it('confirms nothing the server or the viewer did not say, and learns only what the server said', async () => {
    for (const c of ALL) {
      const d = await run(c);
      if (d.learn) expect(d.learn.via, c.label).toBe('metadata');
      if (d.identification.status !== 'resolved' || !d.identification.confirmed) continue;
      const byServer = serverEpisode(c) === d.identification.episodeId;
      const byStore = c.stored?.writer === 'server' && c.stored.episodeId === d.identification.episodeId;
      expect(!!c.viewer || byServer || byStore, c.label).toBe(true);
    }
  });

  it('page signals that disagree, with nothing else, leave the viewer to choose', async () => {
    const d = await run({ label: '', said: {}, signals: [signal('page-world', { ...X }), signal('title-text', { ...Y })] });
    expect(d.identification).toMatchObject({ status: 'unknown', reason: 'conflict', showId: 'show' });
  });

  it('drops a signal whose writer is not the one its kind fixes', async () => {
    const claimed: Signal = { kind: 'page-world', writer: 'server', value: { ...Y } };
    const d = await run({ label: '', said: {}, signals: [claimed] });
    expect(d.identification).toMatchObject({ status: 'unknown', reason: 'no-signal' });
  });
});

describe('the identity policy, one video at a time', () => {
  const recall = async () => undefined;

  it('does not let a page session of the previous video outrank the id the page shows (#7)', async () => {
    const stale = signal('page-world', { ...X, videoId: '41' });
    const fresh = signal('metadata', { ...Y, episodeVideoId: '42' });
    expect((await decide({ videoId: '42', signals: [stale, fresh] }, { match, recall })).identification).toMatchObject({
      episodeId: 's3e8',
      videoId: '42',
      confirmed: true,
    });
    // With nothing about the video shown yet: ask again shortly.
    expect((await decide({ videoId: '42', signals: [stale] }, { match, recall })).identification).toEqual({
      status: 'waiting',
      videoId: '42',
    });
    // A session of an episode of the show the address names is no other video.
    const episodeOfShow = signal('page-world', { ...X, videoId: '41' });
    expect((await decide({ videoId: '100', signals: [episodeOfShow] }, { match, recall })).identification).toMatchObject({
      episodeId: 's1e1',
      confirmed: false,
    });
  });

  it('waits out a recap the server names, and one the page names only while the server says nothing', async () => {
    const recap = { titleId: '5', type: 'supplemental' };
    expect((await decide({ videoId: '7', signals: [signal('metadata', recap)] }, { match, recall })).identification.status).toBe(
      'waiting',
    );
    expect(
      (await decide({ videoId: '7', signals: [signal('page-world', recap)] }, { match, recall })).identification.status,
    ).toBe('waiting');
    const both = [signal('page-world', recap), signal('metadata', { ...X })];
    expect((await decide({ videoId: '7', signals: both }, { match, recall })).identification.status).toBe('resolved');
  });

  it('learns under the episode id the server names for a show address, completes the title text from the server only', async () => {
    const server = signal('metadata', { titleId: '100', season: 3, episodeVideoId: '90' });
    const title = signal('title-text', { showTitle: 'Show', episode: 8 });
    const d = await decide({ videoId: '100', signals: [server, title] }, { match, recall });
    // The title borrowed the server's show and season, but the server itself named no episode: a guess.
    expect(d.identification).toMatchObject({ status: 'resolved', episodeId: 's3e8', videoId: '90', confirmed: false });
    expect(d.learn).toBeUndefined();
  });
});
