/**
 * The channel between the content script and the page-world reader (entrypoints/netflix-page.ts).
 * Anything on the page can dispatch these events, so a reply is only a claim: size-capped, parsed as JSON (never
 * evaluated), and taken only when it answers our request (its nonce). Its fields are checked once, where they are
 * used: in the background, which drops a page-world signal with any field out of shape, and the id or route to
 * ask the server about when either is (lib/service/inputs.ts, observation). The content script only passes it on.
 */

import { REQUEST_EVENT, requestDetail, STATE_EVENT } from './page-bridge-events';

export { REQUEST_EVENT, STATE_EVENT };
/** Larger replies are ignored before parsing. */
export const MAX_STATE_CHARS = 8_000;

/**
 * What the page-world reader answers, as the page delivered it: every field unchecked here (see above). The
 * reader sends the video's fields (videoId, titleId, type, showTitle, season, episode, episodeTitle), the member
 * API's path as the page's own service map gives it, and a probe of which page-world paths answered (diagnostics).
 */
export interface PageState {
  source: 'backstory-page';
  nonce: string;
  videoId?: unknown;
  memberApiPath?: unknown;
  probe?: unknown;
  [field: string]: unknown;
}

/** Parses one reply; undefined for anything that is not a JSON object answering our request. */
export function parsePageState(detail: unknown, nonce: string): PageState | undefined {
  if (typeof detail !== 'string' || detail.length > MAX_STATE_CHARS) return undefined;
  try {
    const data = JSON.parse(detail);
    return data?.source === 'backstory-page' && data.nonce === nonce && !Array.isArray(data) ? data : undefined;
  } catch {
    return undefined;
  }
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
