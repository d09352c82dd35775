/** What the toolbar popup asks: what a tab plays, the search documents, and a result opened. */
import { episodeCode, loadShowData } from '../db/show-data';
import { episodeKey } from '../ids/ids';
import { createWarmSearch } from '../search/warm-index';
import { entityDetail } from '../views/catalog';
import { keepReading } from '../views/context';
import type { Core } from './core';
import { inputs, parseInput } from './inputs';

export function popupMethods({ ready, horizonFor, ordinalOf, watchedHorizon, deps }: Core) {
  const searchPayload = createWarmSearch(deps.extensionVersion);
  return {
    async getNowWatching(data: unknown) {
      const { tabId } = parseInput(inputs.tabRef, data, 'getNowWatching');
      const now = tabId === undefined ? undefined : await deps.nowWatching.get(tabId);
      if (!now) return null;
      const db = await ready();
      const [episode, show] = await Promise.all([
        db.get('episodes', episodeKey(now.showId, now.episodeId)),
        db.get('shows', now.showId),
      ]);
      if (!episode || !show) return null;
      // Where to read on, as the panel says it (the same keepReading): never past what the episode adapts, nor past
      // the horizon. Only that, not the whole episode context.
      const [showData, horizon] = await Promise.all([loadShowData(db, show.id), horizonFor(db, show.id, episode.ordinal)]);
      const next = showData ? keepReading(showData, episode, horizon) : null;
      return {
        showId: show.id,
        showTitle: show.title,
        episodeId: episode.id,
        code: episodeCode(episode),
        title: episode.title,
        readNext: next ? { volume: next.volume, title: next.title } : null,
      };
    },

    /** The popup's documents with their prebuilt index, cut to the horizon of the show the tab is playing. */
    async getSearchIndex(data: unknown) {
      const { tabId } = parseInput(inputs.tabRef, data ?? {}, 'getSearchIndex');
      const db = await ready();
      return searchPayload(db, (showId) => watchedHorizon(db, showId, tabId));
    },

    async getEntityDetail(data: unknown) {
      const { kind, showId, id, tabId, reveal } = parseInput(inputs.detail, data, 'getEntityDetail');
      const db = await ready();
      let horizon = await watchedHorizon(db, showId, tabId);
      if (reveal && kind === 'character') {
        // Only as far as the character's own first episode: their introduction, nothing after it.
        const character = (await loadShowData(db, showId))?.characters.find((c) => c.id === id);
        const first = character ? await ordinalOf(db, showId, character.listedFrom) : 0;
        if (first > horizon.episodeOrdinal) horizon = { ...horizon, episodeOrdinal: first };
      }
      return (await entityDetail(db, kind, showId, id, horizon)) ?? null;
    },
  };
}
