/**
 * What a site's content script may ask (the 'page' side of the caller table in lib/messaging/protocol.ts): it
 * runs in a page Backstory does not control, so only what the panel needs, with ids read as the site's of the
 * sending page.
 */
import * as v from 'valibot';
import { forgetLearned, recallStored, resolveEpisode } from '../db/resolve';
import { getProgress, recordWatched, type WatchedResult } from '../db/user-data';
import { decide, type Identification, type Signal, type SignalKind, signal } from '../identity/policy';
import type { SiteId } from '../ids/ids';
import { titleKey } from '../lookup/site-lookup';
import type { TabTitle } from '../lookup/title-view';
import type { Settings } from '../settings/settings';
import { SITES } from '../sites/registry';
import type { ServerAnswer } from '../sites/server-ask';
import type { Core, From, TabIdentity, TabStore } from './core';
import { InvalidMessageError, inputs, parseInput, SignalValue } from './inputs';
import type { contextAttacher } from './panel-context';

/** The sender's site, once its ids have the shape that site's ids have. */
export function siteOf(from: From, ids: (string | undefined)[]): SiteId {
  const site = from.site && SITES[from.site];
  if (!site) throw new InvalidMessageError('Refused: the page is not on a site Backstory supports');
  for (const id of ids)
    if (id !== undefined && !site.videoId.test(id)) throw new InvalidMessageError(`Invalid id for ${site.name}`);
  return site.id;
}

export function watchPageMethods(
  { ready, deps, identities, shownVideos, lastResults }: Core,
  contexts: ReturnType<typeof contextAttacher>,
) {
  return {
    /**
     * One identification: what the content script observed, weighed by the generic identity policy
     * (lib/identity/policy.ts), which alone learns, forgets and confirms. The answer is kept for the tab, so that
     * only an episode the background itself confirmed there can be recorded as watched.
     */
    async identifyEpisode(data: unknown, from: From = {}): Promise<Identification> {
      const message = parseInput(inputs.observation, data, 'identifyEpisode');
      const site = siteOf(from, [message.videoId]);
      const observed = withPairedCatalog(site, message);
      // The site's server, asked by the background itself in this same call (lib/sites/server-ask.ts), about an id
      // of the site's shape only.
      const ask = observed.ask && ofSite(site, [observed.ask.videoId]) ? observed.ask : undefined;
      const asked = ask && from.tabId !== undefined ? await deps.askServer?.ask(site, from.tabId, ask) : undefined;
      const db = await ready();
      const fromServer = asked?.signal && serverSignal(site, asked.signal);
      // A page signal out of shape, or naming ids of another shape than the site's, is not heard.
      const fromPage = observed.signals.flatMap(({ kind, value }) =>
        value && ofSite(site, [value.videoId, value.titleId, value.episodeVideoId]) ? [{ kind, value }] : [],
      );
      const signals = [
        ...(fromServer ? [fromServer] : []),
        ...fromPage.map(({ kind, value: { parts, ...value } }) =>
          signal(kind, parts ? { ...value, ...definedOnly(SITES[site].readTitle(parts)) } : value),
        ),
      ];
      const { identification, learn, unlearn } = await decide(
        { videoId: observed.videoId, signals },
        { match: (s) => resolveEpisode(db, site, { ...s, learn: false }), recall: (videoId) => recallStored(db, site, videoId) },
      );
      const { videoId } = identification;
      if (videoId && learn) await resolveEpisode(db, site, { ...learn, videoId, learn: true });
      else if (videoId && unlearn) await forgetLearned(db, site, videoId);
      if (from.tabId !== undefined) {
        const { status, reason, via } = identification as { status: string; reason?: string; via?: string };
        lastResults.set(from.tabId, { status, reason, via });
        await shownVideos.set(from.tabId, identification.videoId);
        await identities.set(
          from.tabId,
          identification.status === 'resolved' ? keep(await identities.get(from.tabId), identification) : undefined,
        );
        // What the tab plays, for the popup's horizon: only an episode the background itself confirmed (trust audit
        // F3), set here from its own decision, so the content script has nothing to report. A recap or an ad
        // (waiting) leaves it as it was; a tab that leaves the watch page forgets it (now-watching-store.ts).
        if (identification.status !== 'waiting') {
          const { showId, episodeId, confirmed } = identification.status === 'resolved' ? identification : {};
          await deps.nowWatching.set(from.tabId, confirmed && showId && episodeId ? { showId, episodeId } : undefined);
        }
        if (deps.unpackedTitles)
          await noteUnpackedTitle(deps.unpackedTitles, from.tabId, site, observed.videoId, signals, identification);
      }
      return identification;
    },

    /**
     * The content script's watched clock saw this episode play into its credits. It counts only if the background
     * confirmed this very episode in that tab; and one more than an episode past the furthest watched only when
     * the viewer says so, from an extension page (confirmWatched).
     */
    async recordWatched(data: unknown, { tabId }: From = {}): Promise<WatchedResult | { status: 'unconfirmed' | 'too-soon' }> {
      const { showId, episodeId } = parseInput(inputs.watched, data, 'recordWatched');
      const known = tabId === undefined ? undefined : await identities.get(tabId);
      if (!known?.confirmed || known.showId !== showId || known.episodeId !== episodeId) return { status: 'unconfirmed' };
      // The page can name any real episode's id and seek Netflix's own video into its credits (the browser's own
      // events then): so an episode counts only after it has played in this tab for a while.
      if (Date.now() - known.since < MIN_PLAYING_MS) return { status: 'too-soon' };
      // And a page that points several tabs at real episodes (trust audit F1): one show moves by its watched clock
      // at most one episode per MIN_BETWEEN_EPISODES_MS, whichever tab it plays in.
      const db = await ready();
      const { clockAt } = await getProgress(db, showId);
      if (clockAt !== undefined && Date.now() - clockAt < MIN_BETWEEN_EPISODES_MS) return { status: 'too-soon' };
      const result = await recordWatched(db, showId, episodeId, false, 'clock');
      // Watched unlocks the episode's own synopsis and notes: the panel frames fetch what they show again.
      if (result.status === 'recorded') await deps.dataChanged();
      return result;
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
      // With the episode's context the first time it names an episode, so the frame need not ask for it.
      else if (binding.frameId !== undefined) {
        const [context, state] = await Promise.all([contexts.attach(tabId, message.state), contexts.vouch(tabId, message.state)]);
        const vouched = { ...message, state } as typeof message;
        await deps.toTabFrame?.(tabId, binding.frameId, context ? { ...vouched, context } : vouched);
      }
    },
  };
}

/**
 * The server's answer as a signal, held to the rules a page's is: the same bounded fields, and ids of the site's
 * own shape. One that breaks them is not heard (the server's word it may be, but it came over the network).
 */
function serverSignal(site: SiteId, { kind, value }: NonNullable<ServerAnswer['signal']>): Signal | undefined {
  const checked = v.safeParse(SignalValue, value);
  if (!checked.success) return undefined;
  const { videoId, titleId, episodeVideoId } = checked.output;
  return ofSite(site, [videoId, titleId, episodeVideoId]) ? signal(kind, checked.output) : undefined;
}

/** True when every id given has the site's own shape (lib/ids/ids.ts). */
const ofSite = (site: SiteId, ids: (string | undefined)[]) => ids.every((id) => id === undefined || SITES[site].videoId.test(id));

/** How long an episode must have been playing in a tab before its watched clock counts it (episodes run 20+ min). */
export const MIN_PLAYING_MS = 5 * 60_000;

/** The least time between two episodes of one show that the watched clock counts (no curated episode is shorter). */
export const MIN_BETWEEN_EPISODES_MS = 15 * 60_000;

/** What a tab's identity keeps of an identification: the episode, and since when the tab has played it. */
function keep(before: TabIdentity | undefined, now: Extract<Identification, { status: 'resolved' }>): TabIdentity {
  const { showId, episodeId, confirmed } = now;
  const same = before?.showId === showId && before.episodeId === episodeId;
  return { showId, episodeId, confirmed, since: same && before ? before.since : Date.now() };
}

/** Which signal's word counts most for a title without a pack: the server's, then the page's. */
const WEIGHT: Record<SignalKind, number> = { metadata: 3, 'page-metadata': 2, 'page-world': 2, 'title-text': 1 };

/**
 * Keeps, per tab, what the signals say of a title no pack knows, for the panel to look up once the viewer allows
 * it (issue 17): the weightiest signal naming a title id, each lighter one filling in only what it left out.
 * A known show, or another video, replaces it. Nothing here changes what is stored: it is session memory, and a
 * lookup only reads public data about the title.
 */
async function noteUnpackedTitle(
  store: TabStore<TabTitle>,
  tabId: number,
  site: SiteId,
  videoId: string | undefined,
  signals: Signal[],
  result: Identification,
): Promise<void> {
  // Something else plays for a moment (an ad, a recap, the previous episode's title lingering after autoplay): what
  // was said of the title, and the viewer's confirmation of it, stand.
  if (result.status === 'waiting') return;
  const sorted = [...signals].sort((a, b) => WEIGHT[b.kind] - WEIGHT[a.kind]);
  // A site that names the show by its title only (Prime Video's catalog): the title is its key (titleKey).
  const strongest =
    sorted.find((s) => s.value.titleId) ??
    sorted
      .filter((s) => s.value.showTitle && titleKey(s.value.showTitle))
      .map((s) => ({ ...s, value: { ...s.value, titleId: titleKey(s.value.showTitle ?? '') } }))[0];
  if (result.status !== 'unknown' || result.reason !== 'unknown-show' || !strongest?.value.titleId) {
    await store.set(tabId, undefined);
    return;
  }
  const { titleId } = strongest.value;
  // Who named the title: only one the server named, or the viewer confirmed, is looked up (lib/service/lookup-gate.ts,
  // review 2 N23). The viewer's confirmation holds while the tab plays that title (the next episode of it).
  const before = await store.get(tabId);
  const confirmed = before?.namedBy === 'viewer' && before.site === site && before.titleId === titleId;
  const merged: TabTitle = {
    site,
    videoId: result.videoId ?? videoId,
    titleId,
    namedBy: confirmed ? 'viewer' : strongest.writer,
  };
  // Lighter signals that name another title say nothing of this one.
  for (const { value } of sorted.filter((s) => !s.value.titleId || s.value.titleId === titleId)) {
    merged.title ??= value.showTitle;
    merged.season ??= value.season;
    merged.episode ??= value.episode;
    merged.episodeTitle ??= value.episodeTitle;
  }
  await store.set(tabId, definedOnly(merged) as TabTitle);
}

/**
 * A site that pairs its page world's catalog with the screen here (the registry's pairCatalog; Prime Video): the
 * entry playing becomes the observation's video id and a page-world signal about that same id, its fields checked
 * once (a value out of shape is not heard). Entries with ids of another site's shape are not considered.
 */
function withPairedCatalog(site: SiteId, observed: v.InferOutput<typeof inputs.observation>) {
  const { catalog, ...rest } = observed;
  const entries = catalog?.filter((e) => e !== undefined).filter((e) => ofSite(site, [e.gti])) ?? [];
  const parts = rest.signals.find((s) => s.kind === 'title-text')?.value?.parts;
  const paired = SITES[site].pairCatalog?.(entries, parts);
  if (!paired) return rest;
  const value = v.safeParse(SignalValue, paired.value);
  return {
    ...rest,
    videoId: rest.videoId ?? paired.videoId,
    signals: [{ kind: 'page-world' as const, value: value.success ? value.output : undefined }, ...rest.signals],
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
