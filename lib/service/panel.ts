/** What the panel's frame asks (an extension page in the streaming tab): its context, held-back items, places, progress. */

import { resolveEpisode } from '../db/resolve';
import { episodeCode, loadShowData } from '../db/show-data';
import { correctEpisode, getProgress, placeViewer, recordWatched, setReadVolume } from '../db/user-data';
import type { AttachedContext } from '../messaging/panel-messages';
import { pagePath } from '../sites/report-lines';
import { revealItem } from '../views/context';
import type { Core, From } from './core';
import { InvalidMessageError, inputs, parseInput } from './inputs';
import { type contextAttacher, contextOf } from './panel-context';
import { siteOf } from './watch-page';

export function panelMethods(core: Core, contexts: ReturnType<typeof contextAttacher>) {
  const { ready, saveReadVolumes, deps, identities, shownVideos } = core;
  return {
    /**
     * What the panel shows for an episode, up to the viewer's spoiler horizon. Extension pages only: the site's
     * page side sends the frame ids and never reads the curated context itself.
     */
    async getEpisodeContext(data: unknown) {
      const { showId, episodeId } = parseInput(inputs.episodeRef, data, 'getEpisodeContext');
      return contextOf(core, showId, episodeId);
    },

    /**
     * "Not this episode?": the viewer's answer, from the panel's frame (an extension page), for the video of the
     * tab the frame is in, read as that tab's site's id. Never from the content script: the page could speak
     * through it.
     */
    async correctEpisode(data: unknown, from: From = {}) {
      const { videoId, showId, episodeId } = parseInput(inputs.correction, data, 'correctEpisode');
      const site = siteOf(from, [videoId]);
      // Only for the video the tab shows now, as the background last identified it (trust audit 3 F5, Prime audit 1
      // F1): an answer about one video is never kept under another's id.
      if (from.tabId !== undefined && (await shownVideos.get(from.tabId)) !== videoId)
        throw new InvalidMessageError('Refused correctEpisode: that video is not the one this tab shows');
      const db = await ready();
      await correctEpisode(db, site, videoId, showId, episodeId);
      return resolveEpisode(db, site, { videoId, via: 'url' });
    },

    /**
     * "Count it": the viewer said yes, in the panel's frame, to counting the episode its tab plays even though it
     * is more than one past the furthest watched. Only an extension page can say so.
     */
    async confirmWatched(data: unknown, { tabId }: From = {}) {
      const { showId, episodeId } = parseInput(inputs.episodeRef, data, 'confirmWatched');
      const playing = tabId === undefined ? undefined : await identities.get(tabId);
      // The episode the background confirmed in this tab, never a guess the page alone made (trust audit F6).
      if (tabId !== undefined && (!playing?.confirmed || playing.showId !== showId || playing.episodeId !== episodeId))
        throw new InvalidMessageError('Refused confirmWatched: that episode is not the one confirmed playing in this tab');
      const result = await recordWatched(await ready(), showId, episodeId, true);
      await deps.dataChanged();
      return result;
    },

    async revealItem(data: unknown) {
      const { showId, season, handle } = parseInput(inputs.reveal, data, 'revealItem');
      return (await revealItem(await ready(), showId, season, handle)) ?? null;
    },

    async listEpisodes(data: unknown) {
      const { showId } = parseInput(inputs.showRef, data, 'listEpisodes');
      const show = await loadShowData(await ready(), showId);
      return show?.episodes.map((e) => ({ id: e.id, code: episodeCode(e), title: e.title })) ?? [];
    },

    async getProgress(data: unknown) {
      const { showId } = parseInput(inputs.showRef, data, 'getProgress');
      return getProgress(await ready(), showId);
    },

    /** "Where are you?": watched up to an episode (or nothing yet), set by the viewer from an extension page. */
    async placeViewer(data: unknown) {
      const { showId, episodeId } = parseInput(inputs.place, data, 'placeViewer');
      const progress = await placeViewer(await ready(), showId, episodeId);
      await deps.dataChanged();
      return progress;
    },

    async setReadVolume(data: unknown) {
      const { showId, volume } = parseInput(inputs.readVolume, data, 'setReadVolume');
      const db = await ready();
      // The synced copy first, and only this show's key: if sync refuses (its write quota), the error reaches the
      // page that asked and IndexedDB is left as it was, so the two never disagree (review B5).
      await saveReadVolumes({ [showId]: volume });
      const progress = await setReadVolume(db, showId, volume);
      await deps.dataChanged();
      return progress;
    },

    /**
     * Not a message (send.ts leaves it out): whether a sender showing the panel page is the frame the tab's content
     * script bound (lib/messaging/panel-binding.ts). Every message of a panel page is refused otherwise.
     */
    async isBoundPanelFrame({ tabId, frameId }: From): Promise<boolean> {
      if (tabId === undefined || frameId === undefined || !deps.panelFrames) return false;
      return (await deps.panelFrames.get(tabId))?.frameId === frameId;
    },

    /**
     * A panel frame gives back the token its content script handed it: the sender's frame (as the browser names
     * it) becomes the tab's panel, and gets what the content script shows (its "hello", asked here to save the frame
     * a round trip; null while the content script has nothing), with the context for its ids (panel-context.ts), so
     * that it paints its header from this one answer. Answered for any panel page, bound or not: a wrong token binds
     * nothing and gets `false`.
     */
    async claimPanelFrame(
      data: unknown,
      { tabId, frameId }: From = {},
    ): Promise<false | { state: unknown; context?: AttachedContext }> {
      const { token } = parseInput(inputs.panelToken, data, 'claimPanelFrame');
      if (tabId === undefined || frameId === undefined || frameId === 0 || !deps.panelFrames) return false;
      const binding = await deps.panelFrames.get(tabId);
      if (binding?.token !== token) return false;
      // Bound before the content script is asked: a state it sends from then on reaches this frame too.
      await deps.panelFrames.set(tabId, { token, frameId });
      const hello = deps.relayToTab?.(tabId, { backstoryPanelAction: { action: 'hello' } });
      // The database opens (for the context) while the content script answers: the frame waits on this.
      const [answered] = await Promise.all([hello?.catch(() => null), ready().catch(() => undefined)]);
      const state = await contexts.vouch(tabId, answered ?? null);
      // A frame that claims has just loaded: whatever an earlier page of it was given, it has nothing now.
      contexts.forget(tabId);
      const context = await contexts.attach(tabId, state);
      return context ? { state, context } : { state };
    },

    /**
     * The panel frame's way to its content script: the tab is the one the browser says the frame is in, so a
     * frame can only ever talk to the page it sits on.
     */
    async relayToPanelHost(data: unknown, { tabId }: From = {}) {
      const action = parseInput(inputs.panelAction, data, 'relayToPanelHost');
      if (tabId === undefined || !deps.relayToTab) throw new Error('The panel is not in a tab');
      const reply = (await deps.relayToTab(tabId, { backstoryPanelAction: action })) ?? null;
      // The diagnostics the content script gathered, with what the site's server said to the background's request
      // for this tab (lib/sites/server-ask.ts): the content script never saw it.
      if (action.action === 'diagnostics' && reply && typeof reply === 'object')
        return {
          ...reply,
          // What the script injected into the page need not carry: lib/sites/report-lines.ts, ReportHeader.
          version: deps.extensionVersion,
          path: pagePath(await deps.tabUrl?.(tabId).catch(() => undefined)),
          result: core.lastResults.get(tabId),
          server: deps.askServer?.last(tabId) ?? { outcome: 'not asked' },
        };
      return reply;
    },
  };
}
