/**
 * Titles without a pack (issue 17), asked by the panel's frame for its own tab and by the options page: the
 * lookups run here, in the background, and only while the browser holds the optional host permissions the viewer
 * granted; every answer is cached, so a title is asked for once.
 */
import { clearLookups, countLookedUp, lookupCache } from '../db/lookup-cache';
import { chooseShow, type LookupDeps, lookupTitle, searchCandidates } from '../lookup/lookup-title';
import { byTitleOnly, isTitleKey, type SiteTitle } from '../lookup/site-lookup';
import { choiceOf, type ShowChoice, type TitleLookupView, titleLookupView, type UnpackedTitle } from '../lookup/title-view';
import { SITES } from '../sites/registry';
import type { Core, From } from './core';
import { InvalidMessageError, inputs, parseInput } from './inputs';
import { acceptedForLookup, createLookupGate } from './lookup-gate';

export function lookupMethods({ ready, deps }: Core) {
  let gate: ReturnType<typeof createLookupGate> | undefined;
  const storedTitle = async (tabId: number) => await deps.unpackedTitles?.get(tabId);

  /**
   * The title playing in the caller's tab, when lookups are allowed and the title may be looked up (accepted as
   * identified, and its turn in the tab come: lib/service/lookup-gate.ts); else why not, as a view.
   */
  async function context(
    tabId: number | undefined,
  ): Promise<{ view: TitleLookupView } | { playing: UnpackedTitle; title: SiteTitle; lookup: LookupDeps }> {
    if (!deps.lookups || !(await deps.lookups.allowed())) return { view: { status: 'off' } };
    if (tabId === undefined) throw new InvalidMessageError('Refused: not asked from a tab');
    let stored = await storedTitle(tabId);
    // The page moved on while this title waited its turn: the tab's new title, which waits its own.
    while (stored && acceptedForLookup(stored)) {
      const { titleId } = stored;
      gate ??= createLookupGate(deps.lookups.pace);
      if (await gate.admit(tabId, titleId, async () => (await storedTitle(tabId))?.titleId)) break;
      stored = await storedTitle(tabId);
    }
    // Kept before titles carried their site (an older version's session), or of a site no longer supported.
    const site = stored && Object.hasOwn(SITES, stored.site) ? SITES[stored.site] : undefined;
    if (!stored || !site) return { view: { status: 'no-title' } };
    const { namedBy: _, site: __, ...playing } = stored;
    // Only the page named it: the viewer says whether that is what plays, before anything is asked.
    if (!acceptedForLookup(stored)) return { view: { status: 'confirm', playing } };
    const db = await ready();
    return {
      playing,
      // What the site adds to the lookups of its titles (lib/sites/<site>/lookup.ts), and its id for the keys; a
      // title known by its title only is never sent as an id.
      title: {
        site: site.id,
        lookup: isTitleKey(playing.titleId) ? byTitleOnly(site.lookup) : site.lookup,
        titleId: playing.titleId,
        title: playing.title ?? '',
      },
      lookup: {
        tvmaze: deps.lookups.tvmaze,
        wikidata: deps.lookups.wikidata,
        cache: lookupCache(db),
      },
    };
  }

  async function titleView(tabId: number | undefined): Promise<TitleLookupView> {
    const found = await context(tabId);
    if ('view' in found) return found.view;
    const { playing, title, lookup } = found;
    const result = await lookupTitle(
      {
        ...title,
        episode: { season: playing.season, episode: playing.episode, title: playing.episodeTitle },
        film: playing.season === undefined && playing.episode === undefined,
      },
      lookup,
    );
    return titleLookupView(playing, result);
  }

  return {
    /** The shallow backstory of the title playing in the panel's tab. */
    async getTitleLookup(data?: undefined, { tabId }: From = {}) {
      parseInput(inputs.nothing, data, 'getTitleLookup');
      return titleView(tabId);
    },

    /**
     * The viewer's word, from the panel's frame, that the title the page names is what plays in their tab: it may be
     * looked up from then on. Only the title the tab holds now (a page that moved on meanwhile is not confirmed).
     */
    async confirmLookupTitle(data: unknown, { tabId }: From = {}): Promise<TitleLookupView> {
      const { titleId } = parseInput(inputs.lookupTitle, data, 'confirmLookupTitle');
      if (tabId === undefined) throw new InvalidMessageError('Refused: not asked from a tab');
      const stored = await storedTitle(tabId);
      if (stored && stored.titleId === titleId && stored.namedBy !== 'server')
        await deps.unpackedTitles?.set(tabId, { ...stored, namedBy: 'viewer' });
      return titleView(tabId);
    },

    /** "Not this show?": TVmaze's candidates for the title playing in the panel's tab. */
    async getLookupCandidates(data?: undefined, { tabId }: From = {}): Promise<ShowChoice[] | 'unavailable' | 'off'> {
      parseInput(inputs.nothing, data, 'getLookupCandidates');
      const found = await context(tabId);
      if ('view' in found) return found.view.status === 'off' ? 'off' : [];
      const candidates = await searchCandidates(found.playing.title ?? '', found.lookup);
      return candidates === 'unavailable' ? candidates : candidates.map(choiceOf);
    },

    /** The viewer's pick among the candidates, remembered for this title. */
    async chooseLookupShow(data: unknown, { tabId }: From = {}): Promise<TitleLookupView> {
      const { tvmazeId } = parseInput(inputs.lookupChoice, data, 'chooseLookupShow');
      const found = await context(tabId);
      if ('view' in found) return found.view;
      await chooseShow(found.title, tvmazeId, found.lookup.cache);
      return titleView(tabId);
    },

    /** For the options page: whether lookups are on, and how many titles the cache holds. */
    async getLookupStats(): Promise<{ allowed: boolean; titles: number }> {
      const [allowed, titles] = await Promise.all([
        deps.lookups?.allowed() ?? Promise.resolve(false),
        ready().then(countLookedUp),
      ]);
      return { allowed, titles };
    },

    /** "Clear what was fetched": everything the providers answered, and the viewer's picks. */
    async clearLookups(): Promise<void> {
      await clearLookups(await ready());
    },
  };
}
