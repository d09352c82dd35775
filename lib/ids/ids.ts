/**
 * The shape of every id Backstory stores or accepts, and the keys built from them, in one place: packs, the cache,
 * messages, settings and imports all check the same rules.
 */

/** A show or pack id, and any entity id in a pack: lower-case letters, digits and dashes, at most 64 characters. */
export const SHOW_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** An episode id ("s1e3"), or the concluding film's ("film"). */
export const EPISODE_ID = /^(s\d{1,2}e\d{1,3}|film)$/;
/** A streaming site's video or title id, as Netflix gives them: digits only. */
export const VIDEO_ID = /^\d{1,15}$/;

/** The key of an episode in the cache. */
export const episodeKey = (showId: string, episodeId: string) => `${showId}/${episodeId}`;
/** The key of any other pack record in the cache. */
export const entityKey = (showId: string, kind: string, id: string | number) => `${showId}/${kind}/${id}`;
