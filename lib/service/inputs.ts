/**
 * Shapes of every message the background accepts. Messages come from our own content script, which runs in a
 * page we do not control, so each one is validated before it touches the database.
 */
import * as v from 'valibot';
import { EPISODE_ID, SHOW_ID, SITE_VIDEO_ID } from '../ids/ids';
import { MAX_TITLE_KEY } from '../lookup/site-lookup';
import { PLAYER_KEYS } from '../messaging/panel-messages';
import { cleanText } from '../text/clean';

const ShowId = v.pipe(v.string(), v.regex(SHOW_ID));
const EpisodeId = v.pipe(v.string(), v.regex(EPISODE_ID));
// Any site's id shape here; the sender's site then applies its own rule (backstory-service.ts, siteOf).
const VideoId = v.pipe(v.string(), v.regex(SITE_VIDEO_ID));
const ShortText = v.pipe(v.string(), v.maxLength(300));
/** A title as a page wrote it: cleaned of control and invisible characters, and cut (lib/text/clean.ts). */
const PageText = v.pipe(v.string(), v.maxLength(500), v.transform(cleanText));
const Small = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(999));

/** What one signal read: the same fields for every kind; which kind it was decides who could have written it. */
export const SignalValue = v.strictObject({
  videoId: v.optional(VideoId),
  titleId: v.optional(VideoId),
  type: v.optional(v.pipe(v.string(), v.maxLength(30))),
  showTitle: v.optional(PageText),
  season: v.optional(Small),
  episode: v.optional(Small),
  episodeTitle: v.optional(PageText),
  episodeVideoId: v.optional(VideoId),
  /** A title text's parts, parsed in the background by the site's reader. */
  parts: v.optional(v.pipe(v.array(ShortText), v.maxLength(6))),
});

/** Most catalog entries an observation carries: as many as the content script keeps (catalog-bridge.ts). */
export const MAX_CATALOG_ENTRIES = 6;
/** Most characters of one catalog entry, as JSON: a page-written title fits (PageText's 500) several times over. */
const MAX_ENTRY_CHARS = 2_000;

/** A value's length as JSON; endless for one JSON cannot write (a cycle, a BigInt: structured clone carries both). */
function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? Infinity;
  } catch {
    return Infinity;
  }
}

/**
 * A page world's catalog entry, as the content script forwards it: the GTI in any site's shape and its kind checked,
 * its texts and numbers the page's, bounded in size only. They are checked once the background has paired the entry
 * with the screen (the registry's pairCatalog): a page-world signal with any of them out of shape is not heard.
 */
const CatalogEntry = v.pipe(
  v.strictObject({
    gti: VideoId,
    type: v.picklist(['episode', 'movie', 'other']),
    title: v.optional(v.unknown()),
    seriesTitle: v.optional(v.unknown()),
    season: v.optional(v.unknown()),
    episode: v.optional(v.unknown()),
    at: v.pipe(v.number(), v.finite()),
  }),
  v.check((e) => jsonLength(e) <= MAX_ENTRY_CHARS, 'a catalog entry is at most 2,000 characters'),
);

export const inputs = {
  /**
   * One identification: the video the page shows and what each signal read. No signal says who wrote it: the
   * background knows that from its kind (lib/identity/policy.ts), and a `writer` key is refused.
   */
  observation: v.strictObject({
    videoId: v.optional(VideoId),
    // Only what the page shows: the server's metadata is the background's own request (lib/sites/server-ask.ts), so
    // a content script that names a metadata signal (a compromised page renderer can) is refused. What a signal read
    // is the page's, passed on unchecked by the content script (the page world's reply): a value with any field out
    // of shape is not heard (undefined), and the rest of the message stands.
    signals: v.pipe(
      v.array(
        v.strictObject({ kind: v.picklist(['page-world', 'title-text']), value: v.fallback(v.optional(SignalValue), undefined) }),
      ),
      v.maxLength(4),
    ),
    /** An entry out of shape or too long is left out (undefined), and the rest of the message stands. */
    catalog: v.optional(v.pipe(v.array(v.fallback(v.optional(CatalogEntry), undefined)), v.maxLength(MAX_CATALOG_ENTRIES))),
    /**
     * What to ask the site's server about: the id the page shows (the page world's when the page shows none), and
     * the metadata route the page named. An id out of shape asks nothing; a route out of shape is left out.
     */
    ask: v.fallback(
      v.optional(
        v.strictObject({
          videoId: VideoId,
          pageRoute: v.fallback(v.optional(v.pipe(v.string(), v.maxLength(200), v.regex(/^\/(?!\/)[\w/.-]*$/))), undefined),
        }),
      ),
      undefined,
    ),
  }),
  episodeRef: v.strictObject({ showId: ShowId, episodeId: EpisodeId }),
  /** What the content script's watched clock saw: the episode played into its credits. */
  watched: v.strictObject({ showId: ShowId, episodeId: EpisodeId }),
  showRef: v.strictObject({ showId: ShowId }),
  reveal: v.strictObject({ showId: ShowId, season: Small, handle: v.pipe(v.string(), v.regex(/^h[0-9a-z]{1,8}$/)) }),
  correction: v.strictObject({ videoId: VideoId, showId: ShowId, episodeId: EpisodeId }),
  tabRef: v.strictObject({ tabId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))) }),
  detail: v.strictObject({
    kind: v.picklist(['show', 'character', 'actor', 'episode', 'volume', 'book']),
    showId: ShowId,
    id: v.pipe(v.string(), v.regex(SHOW_ID)),
    tabId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    /** A cast member the guard holds back, asked for by the viewer: shown as of their first listed episode. */
    reveal: v.optional(v.boolean()),
  }),
  readVolume: v.strictObject({ showId: ShowId, volume: Small }),
  /** A message that carries nothing: its meaning comes from who sent it (the panel's own tab). */
  nothing: v.undefined(),
  /** A TVmaze show id, the viewer's answer to "Not this show?". */
  lookupChoice: v.strictObject({ tvmazeId: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1e9)) }),
  /** The title the panel showed the viewer, confirmed by them ("Yes, look it up"): an id, or a title's key. */
  lookupTitle: v.strictObject({ titleId: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TITLE_KEY + 10)) }),
  place: v.strictObject({ showId: ShowId, episodeId: v.nullable(EpisodeId) }),
  /**
   * A panel state a content script asks the background to hand to its frame (see watch-page.ts). Only its envelope
   * is checked here; the frame bound with the token reads the state, and its size is bounded.
   */
  panelState: v.pipe(
    v.object({
      backstoryPanel: v.literal(1),
      token: v.pipe(v.string(), v.regex(/^[\d-]{1,60}$/)),
      // Ids, open or closed, the layout and the watched question: the frame fetches what it shows itself.
      state: v.strictObject({
        identity: v.looseObject({ status: v.picklist(['detecting', 'resolved', 'unknown', 'failed']) }),
        open: v.boolean(),
        askWatched: v.optional(v.looseObject({})),
        layout: v.looseObject({}),
      }),
    }),
    v.check((m) => JSON.stringify(m).length <= 4 * 1024, 'a panel state is at most 4 KB'),
  ),
  /** The token a content script hands its own panel frame (lib/messaging/panel-binding.ts). */
  panelToken: v.strictObject({ token: v.pipe(v.string(), v.regex(/^[\d-]{7,60}$/)) }),
  panelAction: v.variant('action', [
    v.strictObject({ action: v.literal('hello') }),
    v.strictObject({ action: v.literal('open'), open: v.boolean() }),
    v.strictObject({
      action: v.literal('size'),
      width: v.pipe(v.number(), v.minValue(0), v.maxValue(10_000)),
      height: v.pipe(v.number(), v.minValue(0), v.maxValue(10_000)),
    }),
    v.strictObject({ action: v.literal('correct'), showId: ShowId, episodeId: EpisodeId }),
    v.strictObject({ action: v.literal('confirmWatched'), yes: v.boolean() }),
    v.strictObject({ action: v.literal('engaged'), engaged: v.boolean() }),
    v.strictObject({ action: v.literal('key'), key: v.picklist(PLAYER_KEYS) }),
    v.strictObject({ action: v.literal('pointer'), over: v.boolean() }),
    v.strictObject({ action: v.literal('diagnostics') }),
  ]),
};

export class InvalidMessageError extends Error {
  override name = 'InvalidMessageError';
}

export function parseInput<S extends v.GenericSchema>(schema: S, data: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  const first = result.issues[0];
  throw new InvalidMessageError(`Invalid ${what} message: ${v.getDotPath(first) ?? 'value'}: ${first.message}`);
}
