/**
 * The shape of every id Backstory stores or accepts, and the keys built from them, in one place: packs, the cache,
 * messages, settings and imports all check the same rules.
 */

/** A show or pack id, and any entity id in a pack: lower-case letters, digits and dashes, at most 64 characters. */
export const SHOW_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** An episode id ("s1e3"), or the concluding film's ("film"). */
export const EPISODE_ID = /^(s\d{1,2}e\d{1,3}|film)$/;
/** Netflix's video and title ids: digits only (each site states its own shape in lib/sites/registry.ts). */
export const VIDEO_ID = /^\d{1,15}$/;
/** A streaming site's id in the registry ("netflix"). */
export const SITE_ID = /^[a-z][a-z0-9-]{1,19}$/;
/** Any site's video or title id, as generic layers accept it before the site's own rule is applied. */
export const SITE_VIDEO_ID = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * A site's video or title id as the cache keeps it, with its site: "netflix:81234567". Learned and corrected
 * videos are keyed by it, and shows are found by it (ShowRecord.siteTitles).
 */
export const siteKey = (site: string, id: string) => `${site}:${id}`;
/** The key of an episode in the cache. */
export const episodeKey = (showId: string, episodeId: string) => `${showId}/${episodeId}`;
/** The key of any other pack record in the cache. */
export const entityKey = (showId: string, kind: string, id: string | number) => `${showId}/${kind}/${id}`;
