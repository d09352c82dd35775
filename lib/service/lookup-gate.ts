/**
 * What a page may make the lookups ask (security review 2, N23): a page that claimed a new title every two seconds
 * drove 40 provider requests with search strings of its choosing in 40 s. So a title is looked up only when the
 * identity policy accepts it, and at most one new title per tab every few seconds, the latest one: a title the
 * page has moved on from while it waited is never asked for.
 */
import type { TabTitle } from '../lookup/title-view';

/** The least time between the lookups of two different titles in one tab. */
export const LOOKUP_SPACING_MS = 5_000;

/**
 * Whether the title a tab plays may be looked up: the signal that named it was written by the server
 * (lib/identity/policy.ts, WRITER), or the viewer confirmed the page's word in the panel's frame (an extension page:
 * `confirmLookupTitle`), never by the page alone. A site whose server the content script cannot ask (Prime Video)
 * has only the second.
 */
export function acceptedForLookup(title: Pick<TabTitle, 'namedBy'>): boolean {
  return title.namedBy === 'server' || title.namedBy === 'viewer';
}

export interface Pace {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realPace: Pace = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Per tab, the last title looked up and when. `admit` resolves true when `titleId` may be looked up now (after
 * waiting its turn if it is new), false when the tab plays another title by then (`current` says which).
 */
export function createLookupGate(pace: Pace = realPace, spacingMs = LOOKUP_SPACING_MS) {
  const last = new Map<number, { titleId: string; at: number }>();
  return {
    async admit(tabId: number, titleId: string, current: () => Promise<string | undefined>): Promise<boolean> {
      for (;;) {
        const before = last.get(tabId);
        if (before?.titleId === titleId) return true;
        const wait = before ? before.at + spacingMs - pace.now() : 0;
        if (wait <= 0) {
          last.set(tabId, { titleId, at: pace.now() });
          return true;
        }
        await pace.sleep(wait);
        if ((await current()) !== titleId) return false;
      }
    },
  };
}
