/**
 * The episode's context for the panel's frame, attached by the background to the state it relays there (issue 31):
 * the frame paints its header from the first message it gets instead of asking again. Only the background makes
 * it, for the ids the content script sent, and hands it to the frame the content script bound only
 * (lib/messaging/panel-binding.ts); the content script's reply carries none, so the page never reads it. Once per
 * episode and frame: a state that only moves or opens the panel carries ids the frame already has the context for.
 */
import * as v from 'valibot';
import { getProgress } from '../db/user-data';
import { episodeKey } from '../ids/ids';
import type { AttachedContext } from '../messaging/panel-messages';
import { episodeContext } from '../views/context';
import type { Core } from './core';
import { inputs } from './inputs';

/** What the panel shows for an episode, up to the viewer's spoiler horizon (null: no pack has it). */
export async function contextOf({ ready, horizonFor, ordinalOf }: Core, showId: string, episodeId: string) {
  const db = await ready();
  const [horizon, progress] = await Promise.all([
    horizonFor(db, showId, await ordinalOf(db, showId, episodeId)),
    getProgress(db, showId),
  ]);
  return (await episodeContext(db, showId, episodeId, horizon, progress)) ?? null;
}

/** The identity of a state the content script sent (unchecked), when it names an episode. */
function resolvedIn(state: unknown) {
  const identity = (state as { identity?: { status?: unknown; showId?: unknown; episodeId?: unknown } } | null)?.identity;
  return identity?.status === 'resolved' ? identity : undefined;
}

/**
 * Per tab, the episode whose context its bound frame was last given. In the worker's memory: a worker that stopped
 * sends it once more, which costs one lookup.
 */
export function contextAttacher(core: Core) {
  const given = new Map<number, string>();
  return {
    /** The frame of `tabId` loaded anew (it claimed its token): it has no context yet. */
    forget: (tabId: number) => void given.delete(tabId),
    /**
     * The state as the frame may take it: whether its episode is confirmed is the background's word (this tab's
     * own identification, watch-page.ts), never the content script's, which the page could speak through. So the
     * frame paints a guess as a guess (trust audit 3, F2).
     */
    async vouch(tabId: number, state: unknown): Promise<unknown> {
      const identity = resolvedIn(state);
      if (!identity) return state;
      const known = await core.identities.get(tabId);
      const confirmed = !!known?.confirmed && known.showId === identity.showId && known.episodeId === identity.episodeId;
      return { ...(state as object), identity: { ...identity, confirmed } };
    },
    /** The context for `state`'s ids, unless that frame already has it. Never throws: the frame asks itself then. */
    async attach(tabId: number, state: unknown): Promise<AttachedContext | undefined> {
      const identity = resolvedIn(state);
      if (!identity) return undefined;
      const ref = v.safeParse(inputs.episodeRef, { showId: identity.showId, episodeId: identity.episodeId });
      if (!ref.success) return undefined;
      const { showId, episodeId } = ref.output;
      const key = episodeKey(showId, episodeId);
      if (given.get(tabId) === key) return undefined;
      try {
        const context = await contextOf(core, showId, episodeId);
        given.set(tabId, key);
        return { key, context };
      } catch {
        return undefined;
      }
    },
  };
}
