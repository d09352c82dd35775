/**
 * Reads Netflix's metadata document (`video`, §2.1 of shared/reference/netflix-real-evidence.md): the member
 * API's answer, and the same object the player keeps in memory (`videoMetadata[id]._metadataObject.video`).
 * It is plain defensive code, without a schema library, because the page-world script runs it too and every
 * byte of that script counts; the background checks every field of what it yields anyway (lib/service/inputs.ts).
 */
export interface VideoFacts {
  /** `video.id`: the SHOW id for episodic titles, the movie id otherwise. */
  titleId: string;
  type?: string;
  showTitle?: string;
  season?: number;
  /** Absent when Netflix says its numbers are not episode numbers (`hiddenEpisodeNumbers`). */
  episode?: number;
  episodeTitle?: string;
  /** The id of the episode found, which differs from the id asked about when that was a show id. */
  episodeVideoId?: string;
}

const MAX_SEASONS = 100;
const MAX_EPISODES = 500;

const field = (from: unknown, key: string): unknown =>
  from !== null && typeof from === 'object' ? (from as Record<string, unknown>)[key] : undefined;
const count = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined);
const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 500) : undefined);
const list = (value: unknown, max: number): unknown[] => (Array.isArray(value) ? value.slice(0, max) : []);
const hidden = (from: unknown) => field(from, 'hiddenEpisodeNumbers') === true;

/**
 * Finds the episode `videoId` in the document; when no episode has that id (a `/watch/<showId>` URL, or an id
 * the document does not list), the document's own `currentEpisode`, as every public reader of it does.
 */
export function readVideoDocument(video: unknown, videoId: string): VideoFacts | undefined {
  const id = count(field(video, 'id'));
  if (id === undefined) return undefined;
  const facts: VideoFacts = { titleId: String(id), type: text(field(video, 'type')), showTitle: text(field(video, 'title')) };
  const current = count(field(video, 'currentEpisode'));
  for (const wanted of current === undefined ? [videoId] : [videoId, String(current)])
    for (const season of list(field(video, 'seasons'), MAX_SEASONS))
      for (const episode of list(field(season, 'episodes'), MAX_EPISODES)) {
        const episodeId = count(field(episode, 'id')) ?? count(field(episode, 'episodeId'));
        if (String(episodeId) !== wanted) continue;
        // Collections number their videos in an order of their own: then `seq` is not an episode number.
        const numbered = !(hidden(video) || hidden(season) || hidden(episode));
        return {
          ...facts,
          season: count(field(season, 'seq')),
          episode: numbered ? count(field(episode, 'seq')) : undefined,
          episodeTitle: text(field(episode, 'title')),
          episodeVideoId: wanted,
        };
      }
  return facts;
}
