/**
 * What a site's content script may ask (the 'page' side of the caller table in lib/messaging/protocol.ts): it
 * runs in a page Backstory does not control, so only what the panel needs, with ids read as the site's of the
 * sending page.
 */
import { type EpisodeSignals, type Resolution, resolveEpisode } from '../db/resolve';
import { correctEpisode, getProgress, recordWatched } from '../db/user-data';
import type { UnpackedTitle } from '../lookup/title-view';
import type { Settings } from '../settings/settings';
import { SITES, type SiteId } from '../sites/registry';
import { episodeContext } from '../views/context';
import type { Core, From, TabStore } from './core';
import { InvalidMessageError, inputs, parseInput } from './inputs';

/** The sender's site, once its ids have the shape that site's ids have. */
function siteOf(from: From, ids: (string | undefined)[]): SiteId {
  const site = from.site && SITES[from.site];
  if (!site) throw new InvalidMessageError('Refused: the page is not on a site Backstory supports');
  for (const id of ids)
    if (id !== undefined && !site.videoId.test(id)) throw new InvalidMessageError(`Invalid id for ${site.name}`);
  return site.id;
}

export function watchPageMethods({ ready, horizonFor, ordinalOf, deps }: Core) {
  return {
    async resolveEpisode(data: unknown, from: From = {}) {
      const signals = parseInput(inputs.signals, data, 'resolveEpisode');
      const site = siteOf(from, [signals.videoId, signals.titleId]);
      const result = await resolveEpisode(await ready(), site, signals);
      if (from.tabId !== undefined && deps.unpackedTitles)
        await noteUnpackedTitle(deps.unpackedTitles, from.tabId, signals, result);
      return result;
    },

    async getEpisodeContext(data: unknown) {
      const { showId, episodeId } = parseInput(inputs.episodeRef, data, 'getEpisodeContext');
      const db = await ready();
      const [horizon, progress] = await Promise.all([
        horizonFor(db, showId, await ordinalOf(db, showId, episodeId)),
        getProgress(db, showId),
      ]);
      return (await episodeContext(db, showId, episodeId, horizon, progress)) ?? null;
    },

    async correctEpisode(data: unknown, from: From = {}) {
      const { videoId, showId, episodeId } = parseInput(inputs.correction, data, 'correctEpisode');
      const site = siteOf(from, [videoId]);
      const db = await ready();
      await correctEpisode(db, site, videoId, showId, episodeId);
      return resolveEpisode(db, site, { videoId, via: 'url' });
    },

    async recordWatched(data: unknown) {
      const { showId, episodeId, confirmed } = parseInput(inputs.watched, data, 'recordWatched');
      return recordWatched(await ready(), showId, episodeId, confirmed);
    },

    async reportNowWatching(data: unknown, { tabId }: From = {}) {
      const value = parseInput(inputs.nowWatching, data, 'reportNowWatching');
      if (tabId !== undefined) await deps.nowWatching.set(tabId, value ?? undefined);
    },

    /**
     * The settings, for the sites' content scripts: they build without the settings module (the injected budget),
     * and need nothing of the reading progress, which stays out of the page's tab.
     */
    async getSettings(): Promise<Settings> {
      return { ...(await deps.loadSettings()), readVolumes: {} };
    },

    async getShortcut() {
      return deps.shortcut();
    },

    /**
     * The panel's state, from the content script to its frame, in every browser. FIREFOX: a content script's
     * runtime.sendMessage does not reach an extension page framed in a web page (measured on Firefox ESR 153). And
     * in Chromium it reaches every extension page, a copy of the panel the page made included, or another tab's
     * frame (security review 2, N5, N12). So the background hands it to the one frame bound to the sender's tab,
     * and the frame takes state only from the background. The message's token tells the background which frame that is
     * once the frame gives it back (claimPanelFrame).
     */
    async relayToPanel(data: unknown, { tabId }: From = {}) {
      const message = parseInput(inputs.panelState, data, 'relayToPanel');
      if (tabId === undefined) throw new InvalidMessageError('Refused relayToPanel: not from a tab');
      // The token is the panel frame's (lib/messaging/panel-binding.ts): a new one is a new frame, not bound yet.
      const binding = await deps.panelFrames?.get(tabId);
      if (binding?.token !== message.token) await deps.panelFrames?.set(tabId, { token: message.token });
      // Only to the frame that gave the token back: a copy of panel.html the page made in this tab hears nothing.
      else if (binding.frameId !== undefined) await deps.toTabFrame?.(tabId, binding.frameId, message);
    },
  };
}

/** Which signal's word counts most for a title without a pack: Backstory's own metadata request, then the page's. */
export const WEIGHT: Record<EpisodeSignals['via'], number> = { metadata: 3, 'page-world': 2, 'title-text': 1, url: 0 };

/**
 * Keeps, per tab, what the signals say of a title no pack knows, for the panel to look up once the viewer allows
 * it (issue 17): one identification asks with several signals, each filling in what the weightier ones left out.
 * A known show, or another video, replaces it. Nothing here changes what is stored: it is session memory, and a
 * lookup only reads public data about the title.
 */
async function noteUnpackedTitle(
  store: TabStore<UnpackedTitle & { weight?: number }>,
  tabId: number,
  signals: EpisodeSignals,
  result: Resolution,
): Promise<void> {
  if (result.status !== 'unknown-show') {
    await store.set(tabId, undefined);
    return;
  }
  if (!signals.titleId) return;
  const weight = WEIGHT[signals.via];
  const before = await store.get(tabId);
  const sameVideo = before !== undefined && before.videoId === signals.videoId;
  // A weaker signal naming another title for the same video does not outweigh a stronger one.
  if (sameVideo && before.titleId !== signals.titleId && (before.weight ?? 0) > weight) return;
  const kept = sameVideo && before.titleId === signals.titleId ? before : undefined;
  const mine = { title: signals.showTitle, season: signals.season, episode: signals.episode, episodeTitle: signals.episodeTitle };
  const [strong, weak] = kept && (kept.weight ?? 0) > weight ? [kept, mine] : [mine, kept ?? {}];
  const merged: UnpackedTitle & { weight: number } = {
    videoId: signals.videoId,
    titleId: signals.titleId,
    weight: Math.max(weight, kept?.weight ?? 0),
  };
  const title = strong.title ?? weak.title;
  const season = strong.season ?? weak.season;
  const episode = strong.episode ?? weak.episode;
  const episodeTitle = strong.episodeTitle ?? weak.episodeTitle;
  Object.assign(
    merged,
    title !== undefined && { title },
    season !== undefined && { season },
    episode !== undefined && { episode },
    episodeTitle !== undefined && { episodeTitle },
  );
  await store.set(tabId, merged);
}
