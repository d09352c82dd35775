/**
 * The shape of every id Backstory stores or accepts, and the keys built from them, in one place: packs, the cache,
 * messages, settings and imports all check the same rules.
 */

/** A show or pack id, and any entity id in a pack: lower-case letters, digits and dashes, at most 64 characters. */
export const SHOW_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** An episode id ("s1e3"), or the concluding film's ("film"). */
export const EPISODE_ID = /^(s\d{1,2}e\d{1,3}|film)$/;
/** Netflix's video and title ids: digits, as in netflix.com/watch/<id> and /title/<id>. */
export const VIDEO_ID = /^\d{1,15}$/;
/**
 * Prime Video's ids: a GTI as its API names titles ("amzn1.dv.gti.<uuid>", 49 characters), the 26-character compact
 * GTI of its /detail/ URLs, or a 10-character ASIN (primevideo-evidence.md #17).
 */
export const PRIME_VIDEO_ID =
  /^(?:amzn1\.dv\.gti\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9A-Z]{26}|B0[0-9A-Z]{8})$/;
/**
 * The streaming sites Backstory works on, and the shape of each one's video and title ids: what the background
 * checks before it stores an id, and what a pack's `show.titleIds` may hold. What each site is (its pages, its
 * name, its page-world script) is in lib/sites/registry.ts, which must list every site named here.
 */
export const SITE_VIDEO_IDS = { netflix: VIDEO_ID, primevideo: PRIME_VIDEO_ID } as const satisfies Record<string, RegExp>;
export type SiteId = keyof typeof SITE_VIDEO_IDS;
// Pure: the scripts injected into a site's page import this file and must not carry the list.
export const SITE_IDS = /* @__PURE__ */ Object.keys(SITE_VIDEO_IDS) as SiteId[];
/**
 * The one site there was before ids carried their site: what older data means by a bare id (pack format 2's
 * `netflixTitleId`, version 1 exports, the cache before its version 5).
 */
export const FIRST_SITE: SiteId = 'netflix';
/** A streaming site's id in the registry ("netflix"). */
export const SITE_ID = /^[a-z][a-z0-9-]{1,19}$/;
/**
 * Any site's video or title id, as generic layers accept it before the site's own rule is applied: letters,
 * digits, dots, dashes and underscores (a Prime Video GTI, "amzn1.dv.gti.<uuid>", is 49 characters long).
 */
export const SITE_VIDEO_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * A site's video or title id as the cache keeps it, with its site: "netflix:81234567". Learned and corrected
 * videos are keyed by it, and shows are found by it (ShowRecord.siteTitles).
 */
export const siteKey = (site: string, id: string) => `${site}:${id}`;
/** The key of an episode in the cache. */
export const episodeKey = (showId: string, episodeId: string) => `${showId}/${episodeId}`;
/** The key of any other pack record in the cache. */
export const entityKey = (showId: string, kind: string, id: string | number) => `${showId}/${kind}/${id}`;
