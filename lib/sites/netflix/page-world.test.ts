// The page-world reader against the real shapes of §2.4 of netflix-real-evidence.md (probes A, B and C there).
import { describe, expect, it } from 'vitest';
import { metadataFor, RECAP } from '../../../tests/fixtures/netflix/catalog.js';
import { requestDetail } from './page-bridge-events';
import { pickSession, readPageWorld } from './page-world';
import { type PlayerApp, videoIdFromUrl } from './selectors';

interface Session {
  id: string;
  movieId: number;
  closed?: boolean;
  playing?: boolean;
}

/** A 2026 page world: no getShowId, the document under _metadataObject (legacy: _metadata) keyed by movie id. */
function world(sessions: Session[], { legacy = false, currentVideo = true, lang = 'en' } = {}) {
  const wrap = (id: number) => {
    const video = metadataFor(id, { lang })?.video;
    if (!video) return undefined;
    return legacy ? { _metadata: { video } } : { _metadataObject: { video }, _video: {}, _seasons: [] };
  };
  const playerApp: PlayerApp = {
    getAPI: () => ({
      videoPlayer: {
        getAllPlayerSessionIds: () => ['browse-billboard-7', ...sessions.map((s) => s.id)],
        getVideoPlayerBySessionId: (sid) => ({ getMovieId: () => sessions.find((s) => s.id === sid)?.movieId ?? 80000000 }),
        isVideoPlayerClosedForSessionId: (sid) => sessions.find((s) => s.id === sid)?.closed ?? true,
      },
      getVideoMetadataByVideoId: (id) => {
        const entry = wrap(Number(id));
        if (!entry || !currentVideo) return entry;
        return { ...entry, getCurrentVideo: () => ({ getTitle: () => undefined, isEpisodic: () => true }) };
      },
    }),
    getState: () => ({
      videoPlayer: {
        videoMetadata: Object.fromEntries(sessions.map((s) => [String(s.movieId), wrap(s.movieId) ?? {}])),
        playbackStateBySessionId: Object.fromEntries(sessions.map((s) => [s.id, { playing: s.playing, videoId: s.movieId }])),
      },
    }),
  };
  return playerApp;
}

function page(app: PlayerApp | undefined, { path = '/watch/90000202', videoId = '90000202' as string | undefined } = {}) {
  const win = {
    location: new URL(`https://www.netflix.com${path}?trackId=1&tctx=2`),
    netflix: app && {
      appContext: { state: { playerApp: app } },
      reactContext: {
        models: {
          services: { data: { memberapi: { path: ['/nq/website/memberapi/release'] } } },
          userInfo: { data: { name: 'Private Name', userGuid: 'SECRETGUID' } },
        },
      },
    },
  } as unknown as Window;
  // What the content script sends with its request: the page's [data-videoid], then the URL's id (requestDetail).
  const [, ...shown] = requestDetail('nonce', [videoId, videoIdFromUrl(win.location)]).split(' ');
  return { win, shown };
}

describe('pickSession', () => {
  const stale = [
    { id: 'watch-1', movieId: 90000108, closed: true, playing: false },
    { id: 'watch-2', movieId: 90000201, closed: false, playing: true },
  ];

  it('takes the session playing what [data-videoid] names, not a stale one listed first (probe B)', () => {
    expect(pickSession(world(stale), ['90000201'])).toEqual({ movieId: '90000201', how: 'page id' });
  });

  it('falls back to the URL id, then to the playing session, then one not closed, then the last', () => {
    expect(pickSession(world(stale), [undefined, '90000201']).movieId).toBe('90000201');
    expect(pickSession(world(stale), ['81059939']).how).toBe('playing');
    const notPlaying = stale.map((s) => ({ ...s, playing: false }));
    expect(pickSession(world(notPlaying), [])).toEqual({ movieId: '90000201', how: 'open' });
    const allClosed = notPlaying.map((s) => ({ ...s, closed: true }));
    expect(pickSession(world(allClosed), [])).toEqual({ movieId: '90000201', how: 'last' });
  });

  it('never takes a billboard or preview session for the episode, as in the moment before playback starts', () => {
    expect(pickSession(world([]), ['90000201'])).toEqual({ how: 'none' });
  });

  it('survives a player that throws or is missing', () => {
    expect(pickSession(undefined, ['1'])).toEqual({ how: 'none' });
    const throwing = {
      getAPI: () => ({
        videoPlayer: {
          getAllPlayerSessionIds: () => {
            throw new Error('x');
          },
        },
      }),
    } as PlayerApp;
    expect(pickSession(throwing, ['1'])).toEqual({ how: 'none' });
  });
});

describe('readPageWorld', () => {
  it('reads the show id from _metadataObject.video.id, without getShowId (probes A and C)', () => {
    const { win, shown } = page(world([{ id: 'watch-1', movieId: 90000202, playing: true }]));
    expect(readPageWorld(win, shown)).toMatchObject({
      videoId: '90000202',
      titleId: '81059939',
      type: 'show',
      season: 2,
      episode: 2,
      episodeTitle: 'Family',
      memberApiPath: '/nq/website/memberapi/release',
      probe: 'player yes; session page id; document keyed modern; current video yes',
    });
  });

  it('still reads the 2021-23 _metadata.video shape', () => {
    const { win, shown } = page(world([{ id: 'watch-1', movieId: 90000202 }], { legacy: true }));
    expect(readPageWorld(win, shown)).toMatchObject({
      titleId: '81059939',
      season: 2,
      episode: 2,
      probe: expect.stringContaining('legacy'),
    });
  });

  it('reports the episode after autoplay with the previous session listed first (probe B)', () => {
    const app = world([
      { id: 'watch-1', movieId: 90000108, closed: true },
      { id: 'watch-2', movieId: 90000201, playing: true },
    ]);
    const { win, shown } = page(app, { path: '/watch/90000201', videoId: '90000201' });
    expect(readPageWorld(win, shown)).toMatchObject({ videoId: '90000201', season: 2, episode: 1, episodeTitle: 'Out' });
  });

  it('drops the API episode number when the document hides episode numbers', () => {
    const app = world([{ id: 'watch-1', movieId: 90000202 }]);
    const api = app.getAPI?.();
    const hiddenApp: PlayerApp = {
      ...app,
      getAPI: () => ({
        ...api,
        getVideoMetadataByVideoId: () => ({
          _metadataObject: { video: metadataFor(90000202, { hidden: true })?.video },
          getCurrentVideo: () => ({ isEpisodic: () => true, getEpisodeNumber: () => 7 }),
        }),
      }),
      getState: () => ({ videoPlayer: {} }),
    };
    const { win, shown } = page(hiddenApp);
    const state = readPageWorld(win, shown);
    expect(state).toMatchObject({ titleId: '81059939', episodeTitle: 'Family' });
    expect(state.episode).toBeUndefined();
  });

  it('calls a recap supplemental, never a film', () => {
    const { win, shown } = page(world([{ id: 'watch-1', movieId: RECAP.id, playing: true }]), {
      path: '/watch/90000201',
      videoId: undefined,
    });
    expect(readPageWorld(win, shown)).toMatchObject({ videoId: String(RECAP.id), type: 'supplemental' });
  });

  it('answers with only a probe when there is no page world, and never reads account data', () => {
    const { win, shown } = page(undefined);
    expect(readPageWorld(win, shown)).toEqual({
      probe: 'player no; session none; document none; current video no',
    });
    const full = page(world([{ id: 'watch-1', movieId: 90000202 }]));
    const text = JSON.stringify(readPageWorld(full.win, full.shown));
    expect(text).not.toMatch(/Private Name|SECRETGUID|trackId|tctx/);
  });
});
