/**
 * What a page may make the lookups ask (security review 2, N23): a page that claimed a new title every two seconds
 * drove 40 provider requests with search strings of its choosing in 40 s. So a title is looked up only when the
 * identity policy accepts it, and at most one new title per tab every few seconds, the latest one: a title the
 * page has moved on from while it waited is never asked for.
 */
import { WEIGHT } from './watch-page';

/** The least time between the lookups of two different titles in one tab. */
export const LOOKUP_SPACING_MS = 5_000;

/**
 * The hook to the identity policy: whether the title a tab plays is accepted as identified. Today that is Netflix's
 * own metadata naming it (the weightiest signal, asked by Backstory, not told by the page); point this at the
 * background's identity policy once it lives there.
 */
export function acceptedForLookup(title: { weight?: number }): boolean {
  return (title.weight ?? 0) >= WEIGHT.metadata;
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
