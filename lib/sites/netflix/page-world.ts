/**
 * What the page-world script (entrypoints/netflix-page.ts) reads from Netflix's player, kept here so that it can
 * be unit-tested with the real shapes of §2.4 of shared/reference/netflix-real-evidence.md. Everything is
 * optional and any exception means "not available". The reply also carries a short probe of which paths were
 * present, for the panel's "Copy diagnostics"; it never reads account data (reactContext's userInfo, cookies).
 */
import { type CurrentVideo, type MetadataEntry, PAGE_WORLD, type PlayerApp } from './selectors';
import { readVideoDocument } from './video-document';

export type PageWorldState = Record<string, string | number | undefined>;

const MAX_SESSIONS = 50;
const attempt = <T>(read: () => T): T | undefined => {
  try {
    return read();
  } catch {
    return undefined;
  }
};
const asText = (value: unknown) => (typeof value === 'string' ? value.slice(0, 300) : undefined);
const asNumber = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined);
const asId = (value: unknown) => (typeof value === 'number' || typeof value === 'string' ? String(value) : undefined);

/**
 * The movie id the player is playing. After autoplay Netflix keeps the previous episode's session listed, in
 * no stable order [S12], so "the first `watch-` session" can be the previous episode. In order: the session
 * playing what `[data-videoid]` (then the URL) names; the one `playbackStateBySessionId` says is playing [S1];
 * one not closed [S12]; the last [S4].
 */
export type SessionPick = 'page id' | 'playing' | 'open' | 'last' | 'none';

export function pickSession(app: PlayerApp | undefined, wanted: (string | undefined)[]): { movieId?: string; how: SessionPick } {
  const player = attempt(() => app?.getAPI?.()?.videoPlayer);
  const all = attempt(() => player?.getAllPlayerSessionIds?.());
  const ids = (Array.isArray(all) ? all : []).filter((id): id is string => typeof id === 'string').slice(0, MAX_SESSIONS);
  const movie = (sid: string) => asId(attempt(() => player?.getVideoPlayerBySessionId?.(sid)?.getMovieId?.()));
  for (const id of wanted) {
    const hit = id && ids.find((sid) => movie(sid) === id);
    if (hit) return { movieId: id, how: 'page id' };
  }
  const playback = attempt(() => app?.getState?.()?.videoPlayer?.playbackStateBySessionId);
  const playing = ids.find((sid) => attempt(() => playback?.[sid]?.playing) === true);
  if (playing) return { movieId: movie(playing) ?? asId(attempt(() => playback?.[playing]?.videoId)), how: 'playing' };
  // Past this point only playback sessions count ("watch-…" [S8]): a billboard or preview is never the episode,
  // and in the moment before the episode's session exists it may be the only one listed.
  const watching = ids.filter((id) => id.startsWith('watch'));
  if (!watching.length) return { how: 'none' };
  const open = watching.find((sid) => attempt(() => player?.isVideoPlayerClosedForSessionId?.(sid)) === false);
  if (open) return { movieId: movie(open), how: 'open' };
  return { movieId: movie(watching.at(-1) ?? ''), how: 'last' };
}

/** The metadata document for a movie id: keyed by that id first, then through the API, then any that lists it. */
function memoryDocument(app: PlayerApp | undefined, movieId: string): { video?: unknown; where: string } {
  const byId = attempt(() => app?.getState?.()?.videoPlayer?.videoMetadata);
  const api = attempt(() => app?.getAPI?.()?.getVideoMetadataByVideoId?.(Number(movieId)));
  const entries: [string, MetadataEntry | undefined][] = [
    ['keyed', attempt(() => byId?.[movieId])],
    ['api', api],
    ...Object.values(byId && typeof byId === 'object' ? byId : {})
      .slice(0, MAX_SESSIONS)
      .map((entry): [string, MetadataEntry] => ['listed', entry]),
  ];
  for (const [where, entry] of entries) {
    const video = attempt(() => PAGE_WORLD.videoDocument(entry));
    const facts = readVideoDocument(video, movieId);
    // A keyed entry is about this movie; a listed one counts only if it really lists this id.
    if (facts && (where !== 'listed' || facts.episodeVideoId === movieId || facts.titleId === movieId)) {
      const shape = attempt(() => entry?._metadataObject) ? 'modern' : 'legacy';
      return { video, where: `${where} ${shape}` };
    }
  }
  return { where: 'none' };
}

function fromCurrentVideo(video: CurrentVideo | undefined): PageWorldState {
  if (!video) return {};
  // Not episodic may be a film or a recap (`supplemental`): the type is left to the metadata document.
  const episodic = attempt(() => video.isEpisodic?.()) === true;
  return {
    type: episodic ? 'show' : undefined,
    showTitle: asText(attempt(() => video.getTitle?.())),
    season: episodic ? asNumber(attempt(() => video.getSeason?.()?._season?.seq)) : undefined,
    episode: episodic ? asNumber(attempt(() => video.getEpisodeNumber?.())) : undefined,
    episodeTitle: episodic ? asText(attempt(() => video.getEpisodeTitle?.())) : undefined,
  };
}

function definedOnly(state: PageWorldState): PageWorldState {
  return Object.fromEntries(Object.entries(state).filter(([, value]) => value !== undefined));
}

/**
 * `shown`: the ids of the video the page shows, its `[data-videoid]` then its URL's, as the content script read them
 * (sent with the request, so that this script carries no selectors).
 */
export function readPageWorld(win: Window, shown: readonly string[]): PageWorldState {
  const app = attempt(() => PAGE_WORLD.playerApp(win));
  const { movieId, how } = pickSession(
    app,
    shown.map((id) => id || undefined),
  );
  let details: PageWorldState = {};
  let where = 'none';
  let current = false;
  if (movieId) {
    const found = memoryDocument(app, movieId);
    where = found.where;
    const facts = readVideoDocument(found.video, movieId);
    const entry = attempt(() => app?.getAPI?.()?.getVideoMetadataByVideoId?.(Number(movieId)));
    const video = attempt(() => entry?.getCurrentVideo?.());
    current = !!video;
    // The document names the show by id; the current-video API fills what it lacks.
    details = {
      ...definedOnly(fromCurrentVideo(video)),
      ...definedOnly({ ...facts, episodeVideoId: undefined, videoId: facts?.episodeVideoId }),
    };
    // The document found the episode but gave no number: its numbers are hidden, so the API's number is not one.
    if (facts?.episodeVideoId && facts.episode === undefined) details.episode = undefined;
  }
  const path = attempt(() => PAGE_WORLD.reactContext(win)?.models?.services?.data?.memberapi?.path);
  const probe = `player ${app ? 'yes' : 'no'}; session ${how}; document ${where}; current video ${current ? 'yes' : 'no'}`;
  return definedOnly({
    videoId: movieId,
    ...details,
    memberApiPath: Array.isArray(path) ? asText(path[0]) : undefined,
    probe,
  });
}
