/**
 * The viewer's own data: learned video ids, corrections, watch and read progress. Seeding never touches these
 * stores; export and import move them as one JSON document.
 */
import type { IDBPDatabase } from 'idb';
import * as v from 'valibot';
import {
  EPISODE_ID,
  episodeKey,
  FIRST_SITE,
  SHOW_ID,
  SITE_ID,
  SITE_VIDEO_ID,
  SITE_VIDEO_IDS,
  type SiteId,
  siteKey,
} from '../ids/ids';
import { checkSizes } from '../pack/sizes';
import type { BackstoryDB, ProgressRecord } from './schema';

export type WatchedResult =
  | { status: 'recorded' | 'already'; progress: ProgressRecord }
  /** More than one episode past the furthest watched: the viewer is asked before it counts. */
  | { status: 'confirm'; progress: ProgressRecord; furthestEpisodeId?: string };

/**
 * Records an episode as watched. A jump of more than one episode past the furthest watched is not recorded
 * unless the viewer confirmed it: one wrong identification must not open every note up to there.
 */
export async function recordWatched(
  db: IDBPDatabase<BackstoryDB>,
  showId: string,
  episodeId: string,
  confirmed = false,
  /** 'clock': the content script's watched clock counted it (its time is kept, for the per-show spacing). */
  by: 'clock' | 'viewer' = 'viewer',
): Promise<WatchedResult> {
  const tx = db.transaction(['progress', 'episodes'], 'readwrite');
  const episodes = tx.objectStore('episodes');
  const [episode, existing] = await Promise.all([
    episodes.get(episodeKey(showId, episodeId)),
    tx.objectStore('progress').get(showId),
  ]);
  const progress: ProgressRecord = existing ?? { showId, furthestOrdinal: 0, readVolume: 0, updatedAt: 0 };
  const furthest = await furthestOrdinal(progress, (id) => episodes.get(episodeKey(showId, id)));
  let result: WatchedResult = { status: 'already', progress };
  if (episode && episode.ordinal > furthest) {
    if (episode.ordinal > furthest + 1 && !confirmed)
      result = { status: 'confirm', progress, furthestEpisodeId: progress.furthestEpisodeId };
    else {
      progress.furthestOrdinal = episode.ordinal;
      progress.furthestEpisodeId = episode.id;
      progress.updatedAt = Date.now();
      if (by === 'clock') progress.clockAt = progress.updatedAt;
      await tx.objectStore('progress').put(progress);
      result = { status: 'recorded', progress };
    }
  }
  await tx.done;
  return result;
}

/**
 * Where the viewer is, from the episode they watched (looked up in the current pack), so that a pack that
 * gains or loses an episode cannot move it; the stored position is only a fallback.
 */
export async function furthestOrdinal(
  progress: ProgressRecord,
  episode: (id: string) => Promise<{ ordinal: number } | undefined>,
): Promise<number> {
  if (!progress.furthestEpisodeId) return progress.furthestOrdinal;
  return (await episode(progress.furthestEpisodeId))?.ordinal ?? progress.furthestOrdinal;
}

export async function getProgress(db: IDBPDatabase<BackstoryDB>, showId: string): Promise<ProgressRecord> {
  const progress = (await db.get('progress', showId)) ?? { showId, furthestOrdinal: 0, readVolume: 0, updatedAt: 0 };
  return { ...progress, furthestOrdinal: await furthestOrdinal(progress, (id) => db.get('episodes', episodeKey(showId, id))) };
}

export async function setReadVolume(db: IDBPDatabase<BackstoryDB>, showId: string, volume: number): Promise<ProgressRecord> {
  const progress = await getProgress(db, showId);
  const next = { ...progress, readVolume: volume, updatedAt: Date.now() };
  await db.put('progress', next);
  return next;
}

/**
 * The viewer's answer to "Where are you?": watched up to this episode (or nothing yet), exactly, forwards or back.
 * Only an extension page can ask for it (the panel's frame, the options page): Netflix's page cannot.
 */
export async function placeViewer(
  db: IDBPDatabase<BackstoryDB>,
  showId: string,
  episodeId: string | null,
): Promise<ProgressRecord> {
  const tx = db.transaction(['progress', 'episodes'], 'readwrite');
  const [episode, existing] = await Promise.all([
    episodeId ? tx.objectStore('episodes').get(episodeKey(showId, episodeId)) : undefined,
    tx.objectStore('progress').get(showId),
  ]);
  if (episodeId && !episode) throw new Error(`No episode ${episodeId} in ${showId}`);
  const now = Date.now();
  const progress: ProgressRecord = {
    ...(existing ?? { showId, readVolume: 0 }),
    furthestOrdinal: episode?.ordinal ?? 0,
    furthestEpisodeId: episode?.id,
    updatedAt: now,
    placedAt: now,
  };
  if (!episode) delete progress.furthestEpisodeId;
  await tx.objectStore('progress').put(progress);
  await tx.done;
  return progress;
}

export async function correctEpisode(
  db: IDBPDatabase<BackstoryDB>,
  site: SiteId,
  videoId: string,
  showId: string,
  episodeId: string,
): Promise<void> {
  if ((await db.count('episodes', episodeKey(showId, episodeId))) === 0) throw new Error(`No episode ${episodeId} in ${showId}`);
  await db.put('corrections', { videoId: siteKey(site, videoId), showId, episodeId, updatedAt: Date.now() });
}

export async function clearLearned(db: IDBPDatabase<BackstoryDB>): Promise<void> {
  const tx = db.transaction(['learned', 'corrections'], 'readwrite');
  await Promise.all([tx.objectStore('learned').clear(), tx.objectStore('corrections').clear(), tx.done]);
}

export async function resetProgress(db: IDBPDatabase<BackstoryDB>): Promise<void> {
  await db.clear('progress');
}

const SITE_VIDEO_KEY = new RegExp(`^${SITE_ID.source.slice(1, -1)}:${SITE_VIDEO_ID.source.slice(1, -1)}$`);
/**
 * A video with its site ("netflix:81234567"), as exports since version 2 write it; version 1 exports (before
 * sites) hold bare ids, which are read as the first site's (Netflix's).
 */
const VideoKey = v.union([
  v.pipe(v.string(), v.regex(SITE_VIDEO_KEY)),
  v.pipe(
    v.string(),
    v.regex(SITE_VIDEO_IDS[FIRST_SITE]),
    v.transform((id) => siteKey(FIRST_SITE, id)),
  ),
]);
const ShowId = v.pipe(v.string(), v.regex(SHOW_ID));
const EpisodeId = v.pipe(v.string(), v.regex(EPISODE_ID));
const Time = v.pipe(v.number(), v.integer(), v.minValue(0));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000));

/**
 * The most an import may hold. Learned mappings are capped at MAX_LEARNED (oldest dropped), so an export always
 * fits what import accepts (review B8: the extension refused its own export past 100,000 rows).
 */
export const MAX_LEARNED = 5_000;
export const USER_DATA_LIMITS = { learned: MAX_LEARNED, corrections: 20_000, progress: 10_000 };

export const UserDataSchema = v.object({
  format: v.literal('backstory-user-data'),
  version: v.picklist([1, 2]),
  exportedAt: Time,
  learned: v.pipe(
    v.array(
      v.object({
        videoId: VideoKey,
        showId: ShowId,
        episodeId: EpisodeId,
        via: v.pipe(v.string(), v.maxLength(20)),
        updatedAt: Time,
      }),
    ),
    v.maxLength(USER_DATA_LIMITS.learned),
  ),
  corrections: v.pipe(
    v.array(v.object({ videoId: VideoKey, showId: ShowId, episodeId: EpisodeId, updatedAt: Time })),
    v.maxLength(USER_DATA_LIMITS.corrections),
  ),
  progress: v.pipe(
    v.array(
      v.object({
        showId: ShowId,
        furthestEpisodeId: v.optional(EpisodeId),
        furthestOrdinal: Count,
        readVolume: Count,
        updatedAt: Time,
        placedAt: v.optional(Time),
      }),
    ),
    v.maxLength(USER_DATA_LIMITS.progress),
  ),
});
export type UserData = v.InferOutput<typeof UserDataSchema>;

export async function exportUserData(db: IDBPDatabase<BackstoryDB>): Promise<UserData> {
  const [learned, corrections, progress] = await Promise.all([
    db.getAll('learned'),
    db.getAll('corrections'),
    db.getAll('progress'),
  ]);
  return { format: 'backstory-user-data', version: 2, exportedAt: Date.now(), learned, corrections, progress };
}

export type ImportResult =
  | { ok: true; counts: Record<string, number> }
  | { ok: false; issues: { path: string; message: string }[] };

/** Replaces the user stores with the document's contents, in one transaction, only if all of it is valid. */
export async function importUserData(db: IDBPDatabase<BackstoryDB>, input: unknown): Promise<ImportResult> {
  const tooLarge = checkSizes(input, USER_DATA_LIMITS);
  if (tooLarge.length) return { ok: false, issues: tooLarge };
  const parsed = v.safeParse(UserDataSchema, input, { abortEarly: false });
  if (!parsed.success)
    return {
      ok: false,
      issues: parsed.issues.slice(0, 50).map((i) => ({ path: v.getDotPath(i) ?? '(root)', message: i.message })),
    };
  const data = parsed.output;
  const tx = db.transaction(['learned', 'corrections', 'progress'], 'readwrite');
  await Promise.all([
    tx.objectStore('learned').clear(),
    tx.objectStore('corrections').clear(),
    tx.objectStore('progress').clear(),
    ...data.learned.map((r) => tx.objectStore('learned').put(r)),
    ...data.corrections.map((r) => tx.objectStore('corrections').put(r)),
    ...data.progress.map((r) => tx.objectStore('progress').put(r)),
    tx.done,
  ]);
  return {
    ok: true,
    counts: { learned: data.learned.length, corrections: data.corrections.length, progress: data.progress.length },
  };
}
