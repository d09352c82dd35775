/**
 * Turns what the page shows into an episode of a known show. Asked with only a video id (`via: 'url'`), it
 * answers from the viewer's correction, then from what was learned on an earlier visit. Asked with signals, it
 * matches the show (by the site's title id, else by title) and the episode (by season and number, else by title),
 * and remembers the answer under the video id only when told to (`learn`): the identity policy (lib/identity)
 * asks for that only when the site's server said it, because every other signal can come from the page. Ids are the site's own; the
 * cache keeps them with their site (siteKey), which the background takes from the sender, never the message.
 */
import type { IDBPDatabase } from 'idb';
import { episodeKey, type SiteId, siteKey } from '../ids/ids';
import { normalizeKey } from '../text/normalize';
import type { BackstoryDB, EpisodeRecord, ShowRecord } from './schema';
import { MAX_LEARNED } from './user-data';

export interface EpisodeSignals {
  /** The site's id of the video playing. */
  videoId?: string;
  /** The site's id of the show (on Netflix, the metadata's video.id for episodic titles). */
  titleId?: string;
  showTitle?: string;
  season?: number;
  episode?: number;
  episodeTitle?: string;
  /** Which detector produced the season/episode ('page-metadata': the metadata from a route the page named). */
  via: 'page-world' | 'metadata' | 'page-metadata' | 'title-text' | 'url';
  /** Remember the answer under the video id: set only by the background's identity policy (lib/identity). */
  learn?: boolean;
}

/** Who can write a signal (lib/identity/policy.ts): the viewer, the site's server, or the page. */
export type Writer = 'viewer' | 'server' | 'page';

/** What is stored for a video id: the viewer's correction, or a mapping learned from a signal. */
export interface Stored {
  showId: string;
  episodeId: string;
  via: 'correction' | 'learned';
  writer: Writer;
}

export type Resolution =
  | { status: 'resolved'; showId: string; episodeId: string; via: 'correction' | 'learned' | EpisodeSignals['via'] }
  | { status: 'unknown-show'; title?: string }
  | { status: 'unknown-episode'; showId: string; showTitle: string };

export async function resolveEpisode(db: IDBPDatabase<BackstoryDB>, site: SiteId, signals: EpisodeSignals): Promise<Resolution> {
  const video = signals.videoId && siteKey(site, signals.videoId);
  if (video && signals.via === 'url') {
    const correction = await db.get('corrections', video);
    if (correction && (await episodeExists(db, correction.showId, correction.episodeId)))
      return { status: 'resolved', showId: correction.showId, episodeId: correction.episodeId, via: 'correction' };
    const learned = await db.get('learned', video);
    if (learned && (await episodeExists(db, learned.showId, learned.episodeId)))
      return { status: 'resolved', showId: learned.showId, episodeId: learned.episodeId, via: 'learned' };
  }

  if (signals.via === 'url') return { status: 'unknown-show' };
  const show = await findShow(db, site, signals);
  if (!show) return { status: 'unknown-show', title: signals.showTitle ?? signals.episodeTitle };
  const episode = await findEpisode(db, show, signals);
  if (!episode) return { status: 'unknown-episode', showId: show.id, showTitle: show.title };

  if (video && signals.learn) {
    await db.put('learned', {
      videoId: video,
      showId: show.id,
      episodeId: episode.id,
      via: signals.via,
      updatedAt: Date.now(),
    });
    await capLearned(db);
  }
  return { status: 'resolved', showId: show.id, episodeId: episode.id, via: signals.via };
}

/**
 * What is stored for a video: the viewer's correction, else a learned mapping, with who vouched for it (a mapping
 * learned from the site's metadata is the server's; older ones learned from page signals are the page's).
 */
export async function recallStored(db: IDBPDatabase<BackstoryDB>, site: SiteId, videoId: string): Promise<Stored | undefined> {
  const video = siteKey(site, videoId);
  const correction = await db.get('corrections', video);
  if (correction && (await episodeExists(db, correction.showId, correction.episodeId)))
    return { showId: correction.showId, episodeId: correction.episodeId, via: 'correction', writer: 'viewer' };
  const learned = await db.get('learned', video);
  if (learned && (await episodeExists(db, learned.showId, learned.episodeId)))
    return {
      showId: learned.showId,
      episodeId: learned.episodeId,
      via: 'learned',
      writer: learned.via === 'metadata' ? 'server' : 'page',
    };
  return undefined;
}

/** Forgets what was learned for a video (the server places it elsewhere); a correction stays. */
export async function forgetLearned(db: IDBPDatabase<BackstoryDB>, site: SiteId, videoId: string): Promise<void> {
  await db.delete('learned', siteKey(site, videoId));
}

async function episodeExists(db: IDBPDatabase<BackstoryDB>, showId: string, episodeId: string): Promise<boolean> {
  return (await db.count('episodes', episodeKey(showId, episodeId))) > 0;
}

async function findShow(db: IDBPDatabase<BackstoryDB>, site: SiteId, signals: EpisodeSignals): Promise<ShowRecord | undefined> {
  if (signals.titleId) {
    const byId = await db.getFromIndex('shows', 'by-site-title', siteKey(site, signals.titleId));
    if (byId) return byId;
  }
  if (signals.showTitle) {
    const key = normalizeKey(signals.showTitle);
    if (key) return db.getFromIndex('shows', 'by-title-key', key);
  }
  return undefined;
}

async function findEpisode(
  db: IDBPDatabase<BackstoryDB>,
  show: ShowRecord,
  signals: EpisodeSignals,
): Promise<EpisodeRecord | undefined> {
  const { season, episode, episodeTitle } = signals;
  if (season !== undefined && episode !== undefined) {
    const hit = await db.getFromIndex('episodes', 'by-show-season-number', [show.id, season, episode]);
    if (hit) return hit;
  }
  if (episodeTitle) {
    const key = normalizeKey(episodeTitle);
    // Netflix names some shows' episodes "Chapter 6: The Sound of Her Wings" (The Sandman) in places: a leading
    // word and number, in any language, is tried without when the whole title matches nothing.
    const bare = key.replace(/^\p{L}+ \d{1,3} (?=\S)/u, '');
    let hits = key ? await db.getAllFromIndex('episodes', 'by-show-title-key', [show.id, key]) : [];
    if (hits.length === 0 && bare !== key) hits = await db.getAllFromIndex('episodes', 'by-show-title-key', [show.id, bare]);
    // A title shared by two episodes is ambiguous unless the number settles it.
    const narrowed = episode === undefined ? hits : hits.filter((e) => e.number === episode);
    if (narrowed.length === 1) return narrowed[0];
  }
  if (season === undefined && episode !== undefined) {
    // Netflix omits the season for single-season shows ("E3").
    const seasons = new Set((await db.getAllFromIndex('episodes', 'by-show', show.id)).map((e) => e.season));
    if (seasons.size === 1) return db.getFromIndex('episodes', 'by-show-season-number', [show.id, [...seasons][0] ?? 1, episode]);
  }
  return undefined;
}

/** Keeps the learned mappings to MAX_LEARNED, dropping the oldest (review B8: they grew without a bound). */
export async function capLearned(db: IDBPDatabase<BackstoryDB>, max = MAX_LEARNED): Promise<void> {
  const count = await db.count('learned');
  if (count <= max) return;
  const all = await db.getAll('learned');
  all.sort((a, b) => a.updatedAt - b.updatedAt);
  const tx = db.transaction('learned', 'readwrite');
  await Promise.all([...all.slice(0, count - max).map((r) => tx.store.delete(r.videoId)), tx.done]);
}
