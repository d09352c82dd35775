/**
 * Runs in Netflix's own JavaScript world (injected by the content script) because only there can the player's
 * state be read. It answers each request event with one JSON string and does nothing else: no polling, no
 * patching of Netflix's code. Every path is optional (see lib/netflix/selectors.ts); failures mean "unknown".
 */
import { defineUnlistedScript } from '#imports';
import { REQUEST_EVENT, STATE_EVENT } from '../lib/netflix/page-bridge';
import { type CurrentVideo, PAGE_WORLD, type PlayerApp } from '../lib/netflix/selectors';

type State = Record<string, string | number | undefined>;

const attempt = <T>(read: () => T): T | undefined => {
  try {
    return read();
  } catch {
    return undefined;
  }
};
const asText = (value: unknown) => (typeof value === 'string' ? value : undefined);
const asNumber = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const asId = (value: unknown) => (typeof value === 'number' || typeof value === 'string' ? String(value) : undefined);

function playingVideoId(app: PlayerApp | undefined): string | undefined {
  const player = attempt(() => app?.getAPI?.()?.videoPlayer);
  const ids = attempt(() => player?.getAllPlayerSessionIds?.());
  if (!Array.isArray(ids)) return undefined;
  const sessions = ids.filter((id): id is string => typeof id === 'string');
  // Netflix keeps non-playback sessions too; the one playing starts with "watch".
  const session = sessions.find((id) => id.startsWith('watch')) ?? sessions.at(-1);
  return session ? asId(attempt(() => player?.getVideoPlayerBySessionId?.(session)?.getMovieId?.())) : undefined;
}

function fromCurrentVideo(video: CurrentVideo | undefined): State {
  if (!video) return {};
  const episodic = attempt(() => video.isEpisodic?.()) === true;
  return {
    type: episodic ? 'show' : 'movie',
    showTitle: asText(attempt(() => video.getTitle?.())),
    titleId: asId(attempt(() => video.getShowId?.())),
    season: episodic ? asNumber(attempt(() => video.getSeason?.()?._season?.seq)) : undefined,
    episode: episodic ? asNumber(attempt(() => video.getEpisodeNumber?.())) : undefined,
    episodeTitle: episodic ? asText(attempt(() => video.getEpisodeTitle?.())) : undefined,
  };
}

/** Fallback: the metadata document the player keeps in memory, in the member API's shape. */
function fromMemory(app: PlayerApp | undefined, videoId: string): State {
  const all = attempt(() => app?.getState?.()?.videoPlayer?.videoMetadata);
  if (!all || typeof all !== 'object') return {};
  for (const entry of Object.values(all)) {
    const video = attempt(() => entry?._metadata?.video) as
      | {
          id?: unknown;
          type?: unknown;
          title?: unknown;
          seasons?: { seq?: unknown; episodes?: { id?: unknown; seq?: unknown; title?: unknown }[] }[];
        }
      | undefined;
    if (!video || !Array.isArray(video.seasons)) continue;
    for (const season of video.seasons)
      for (const episode of Array.isArray(season?.episodes) ? season.episodes : [])
        if (asId(episode?.id) === videoId)
          return {
            type: asText(video.type),
            titleId: asId(video.id),
            showTitle: asText(video.title),
            season: asNumber(season.seq),
            episode: asNumber(episode.seq),
            episodeTitle: asText(episode.title),
          };
  }
  return {};
}

function memberApiPath(): string | undefined {
  const path = attempt(() => PAGE_WORLD.reactContext(window)?.models?.services?.data?.memberapi?.path);
  return Array.isArray(path) ? asText(path[0]) : undefined;
}

function readState(nonce: string): State {
  const app = attempt(() => PAGE_WORLD.playerApp(window));
  const videoId = playingVideoId(app);
  let details: State = {};
  if (videoId) {
    details = fromCurrentVideo(attempt(() => app?.getAPI?.()?.getVideoMetadataByVideoId?.(Number(videoId))?.getCurrentVideo?.()));
    if (details.episode === undefined) details = { ...fromMemory(app, videoId), ...definedOnly(details) };
  }
  return { source: 'backstory-page', nonce, videoId, ...details, memberApiPath: memberApiPath() };
}

function definedOnly(state: State): State {
  return Object.fromEntries(Object.entries(state).filter(([, value]) => value !== undefined));
}

export default defineUnlistedScript(() => {
  window.addEventListener(REQUEST_EVENT, (event) => {
    const nonce = (event as CustomEvent).detail;
    if (typeof nonce !== 'string' || nonce.length > 40) return;
    const state = definedOnly(readState(nonce));
    window.dispatchEvent(new CustomEvent(STATE_EVENT, { detail: JSON.stringify(state) }));
  });
});
