/**
 * What a site's content script may ask (the 'page' side of the caller table in lib/messaging/protocol.ts): it
 * runs in a page Backstory does not control, so only what the panel needs, with ids read as the site's of the
 * sending page.
 */
import { type EpisodeSignals, type Resolution, resolveEpisode } from '../db/resolve';
import { correctEpisode, recordWatched } from '../db/user-data';
import type { SiteId } from '../ids/ids';
import type { TabTitle } from '../lookup/title-view';
import type { Settings } from '../settings/settings';
import { SITES } from '../sites/registry';
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

export function watchPageMethods({ ready, deps }: Core) {
  return {
    async resolveEpisode(data: unknown, from: From = {}) {
      const signals = parseInput(inputs.signals, data, 'resolveEpisode');
      const site = siteOf(from, [signals.videoId, signals.titleId]);
      const result = await resolveEpisode(await ready(), site, signals);
      if (from.tabId !== undefined && deps.unpackedTitles)
        await noteUnpackedTitle(deps.unpackedTitles, from.tabId, site, signals, result);
      return result;
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
      const result = await recordWatched(await ready(), showId, episodeId, confirmed);
      // Watched unlocks the episode's own synopsis and notes: the panel frames reload what they show at once.
      if (result.status === 'recorded') await deps.dataChanged();
      return result;
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
     * FIREFOX: an extension page framed in a web page gets only content-script APIs there, and a content script's
     * runtime.sendMessage does not reach it (measured on Firefox ESR 153: the panel frame never heard its state).
     * So the content script sends its panel's state here and the background hands it to the frames of the sender's
     * tab, where only the frame holding the message's token takes it. Chromium delivers it directly
     * (lib/watch/panel-frame.ts).
     */
    async relayToPanel(data: unknown, { tabId }: From = {}) {
      const message = parseInput(inputs.panelState, data, 'relayToPanel');
      if (tabId === undefined) throw new InvalidMessageError('Refused relayToPanel: not from a tab');
      await deps.toTabFrames?.(tabId, message);
    },
  };
}

/** Which signal's word counts most for a title without a pack: Backstory's own metadata request, then the page's. */
const WEIGHT: Record<EpisodeSignals['via'], number> = { metadata: 3, 'page-world': 2, 'title-text': 1, url: 0 };

/**
 * Keeps, per tab, what the signals say of a title no pack knows, for the panel to look up once the viewer allows
 * it (issue 17): one identification asks with several signals, each filling in what the weightier ones left out.
 * A known show, or another video, replaces it. Nothing here changes what is stored: it is session memory, and a
 * lookup only reads public data about the title.
 */
async function noteUnpackedTitle(
  store: TabStore<TabTitle & { weight?: number }>,
  tabId: number,
  site: SiteId,
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
  const sameVideo = before !== undefined && before.site === site && before.videoId === signals.videoId;
  // A weaker signal naming another title for the same video does not outweigh a stronger one.
  if (sameVideo && before.titleId !== signals.titleId && (before.weight ?? 0) > weight) return;
  const kept = sameVideo && before.titleId === signals.titleId ? before : undefined;
  const mine = { title: signals.showTitle, season: signals.season, episode: signals.episode, episodeTitle: signals.episodeTitle };
  const [strong, weak] = kept && (kept.weight ?? 0) > weight ? [kept, mine] : [mine, kept ?? {}];
  const merged: TabTitle & { weight: number } = {
    site,
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
