/**
 * The channel between the content script and the page-world reader (entrypoints/netflix-page.ts).
 * Anything on the page can dispatch these events, so a reply is only a claim: it is size-capped, parsed as JSON
 * (never evaluated), validated field by field, and everything unexpected is dropped.
 */

import { VIDEO_ID } from '../../ids/ids';
import { REQUEST_EVENT, requestDetail, STATE_EVENT } from './page-bridge-events';
import { cleanText } from './title-parser';

export { REQUEST_EVENT, STATE_EVENT };
/** Larger replies are ignored before parsing. */
export const MAX_STATE_CHARS = 8_000;

export interface PageState {
  source: 'backstory-page';
  nonce: string;
  videoId?: string;
  titleId?: string;
  type?: 'show' | 'movie' | 'supplemental';
  showTitle?: string;
  season?: number;
  episode?: number;
  episodeTitle?: string;
  /** The path of the member API as the page's own service map gives it. */
  memberApiPath?: string;
  /** Which page-world paths answered, for the diagnostics: words, numbers and punctuation only. */
  probe?: string;
}

// Validated by a small table rather than the schema library used elsewhere: this runs in the script injected into
// Netflix's pages, whose size has a budget, and it is one flat object. Every field is checked, a bad one refuses
// the whole reply, unknown keys are dropped. (page-bridge.test.ts holds the cases.)
const INVALID = Symbol('invalid');
type Check = (value: unknown) => unknown;
const string =
  (max: number, pattern?: RegExp): Check =>
  (value) =>
    typeof value === 'string' && value.length <= max && (!pattern || pattern.test(value)) ? value : INVALID;
const text: Check = (value) => (typeof value === 'string' && value.length <= 500 ? cleanText(value) : INVALID);
const count: Check = (value) => (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 999 ? value : INVALID);
const oneOf =
  (...allowed: string[]): Check =>
  (value) =>
    allowed.includes(value as string) ? value : INVALID;
const id = string(15, VIDEO_ID);

const FIELDS: Record<keyof PageState, Check> = {
  source: oneOf('backstory-page'),
  nonce: string(40),
  videoId: id,
  titleId: id,
  type: oneOf('show', 'movie', 'supplemental'),
  showTitle: text,
  season: count,
  episode: count,
  episodeTitle: text,
  memberApiPath: string(200, /^\/(?!\/)[\w/.-]*$/),
  probe: string(200, /^[\w ;,.-]*$/),
};

/** Parses one reply; undefined for anything that is not a well-formed reply to our request. */
export function parsePageState(detail: unknown, nonce: string): PageState | undefined {
  if (typeof detail !== 'string' || detail.length > MAX_STATE_CHARS) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(detail);
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const state: Record<string, unknown> = {};
  for (const [field, check] of Object.entries(FIELDS)) {
    if (!Object.hasOwn(data, field)) continue;
    const value = check((data as Record<string, unknown>)[field]);
    if (value === INVALID) return undefined;
    state[field] = value;
  }
  if (state.source !== 'backstory-page' || state.nonce !== nonce) return undefined;
  return state as unknown as PageState;
}

/**
 * Asks the page-world reader for the player's state and waits briefly for a valid reply. `shown`: the ids of the
 * video the page shows (`[data-videoid]`, then the URL's), for the reader to pick the player session playing it.
 */
export function requestPageState(
  target: Window,
  shown: readonly (string | undefined)[],
  timeoutMs = 250,
): Promise<PageState | undefined> {
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
    target.dispatchEvent(new CustomEvent(REQUEST_EVENT, { detail: requestDetail(nonce, shown) }));
  });
}
