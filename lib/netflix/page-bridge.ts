/**
 * The channel between the content script and the page-world reader (entrypoints/netflix-page.ts).
 * Anything on the page can dispatch these events, so a reply is only a claim: it is size-capped, parsed as JSON
 * (never evaluated), validated field by field, and everything unexpected is dropped.
 */
import * as v from 'valibot';
import { REQUEST_EVENT, STATE_EVENT } from './page-bridge-events';
import { cleanText } from './title-parser';

export { REQUEST_EVENT, STATE_EVENT };
/** Larger replies are ignored before parsing. */
export const MAX_STATE_CHARS = 8_000;

const Id = v.pipe(v.string(), v.regex(/^\d{1,15}$/));
const Text = v.pipe(v.string(), v.maxLength(500), v.transform(cleanText));
const Num = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(999));
const Path = v.pipe(v.string(), v.maxLength(200), v.regex(/^\/(?!\/)[\w/.-]*$/));

export const PageStateSchema = v.object({
  source: v.literal('backstory-page'),
  nonce: v.pipe(v.string(), v.maxLength(40)),
  videoId: v.optional(Id),
  titleId: v.optional(Id),
  type: v.optional(v.picklist(['show', 'movie', 'supplemental'])),
  showTitle: v.optional(Text),
  season: v.optional(Num),
  episode: v.optional(Num),
  episodeTitle: v.optional(Text),
  /** The path of the member API as the page's own service map gives it. */
  memberApiPath: v.optional(Path),
  /** How the player session was chosen (lib/netflix/page-world.ts): 'open' and 'last' are weak. */
  session: v.optional(v.picklist(['page id', 'playing', 'open', 'last', 'none'])),
  /** Which page-world paths answered, for the diagnostics: words, numbers and punctuation only. */
  probe: v.optional(v.pipe(v.string(), v.maxLength(200), v.regex(/^[\w ;,.-]*$/))),
});
export type PageState = v.InferOutput<typeof PageStateSchema>;

/** Parses one reply; undefined for anything that is not a well-formed reply to our request. */
export function parsePageState(detail: unknown, nonce: string): PageState | undefined {
  if (typeof detail !== 'string' || detail.length > MAX_STATE_CHARS) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(detail);
  } catch {
    return undefined;
  }
  const result = v.safeParse(PageStateSchema, data);
  if (!result.success || result.output.nonce !== nonce) return undefined;
  return result.output;
}

/** Asks the page-world reader for the player's state and waits briefly for a valid reply. */
export function requestPageState(target: Window, timeoutMs = 250): Promise<PageState | undefined> {
  const nonce = Math.random().toString(36).slice(2);
  return new Promise((resolve) => {
    const done = (state: PageState | undefined) => {
      target.removeEventListener(STATE_EVENT, onState);
      clearTimeout(timer);
      resolve(state);
    };
    const onState = (event: Event) => {
      const state = parsePageState((event as CustomEvent).detail, nonce);
      if (state) done(state);
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    target.addEventListener(STATE_EVENT, onState);
    target.dispatchEvent(new CustomEvent(REQUEST_EVENT, { detail: nonce }));
  });
}
