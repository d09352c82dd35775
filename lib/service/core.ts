/**
 * What every part of the background service shares: its dependencies, the database once the bundled packs are
 * seeded, and the viewer's horizon for a show. Each caller's methods live in a file of their own
 * (watch-page.ts, panel.ts, popup.ts, options.ts, lifecycle.ts); backstory-service.ts puts them together.
 */
import type { IDBPDatabase } from 'idb';
import type { DbHealth } from '../db/connection';
import type { BackstoryDB } from '../db/schema';
import { ensureBundledPacks, type SeedOutcome } from '../db/seed';
import { getProgress } from '../db/user-data';
import { episodeKey, type SiteId } from '../ids/ids';
import type { TabTitle } from '../lookup/title-view';
import { type ViewerHorizon, viewerHorizon } from '../pack/horizon';
import type { Settings } from '../settings/settings';
import type { ResultLine } from '../sites/report-lines';
import type { ServerAsker } from '../sites/server-ask';
import type { Pace } from './lookup-gate';
import { reconcileReadVolumes } from './read-volume-sync';

export interface NowWatching {
  showId: string;
  episodeId: string;
}

export interface ServiceDeps {
  getDb: () => Promise<IDBPDatabase<BackstoryDB>>;
  bundledPacks: unknown[];
  loadSettings: () => Promise<Settings>;
  saveSettings: (patch: Partial<Settings>, options?: { replaceReadVolumes?: boolean }) => Promise<Settings>;
  /** The browser's binding for the panel's toggle command ("" when the viewer removed it). */
  shortcut: () => Promise<string>;
  /** Tells open panels that user data changed elsewhere (options page, another tab). */
  dataChanged: () => Promise<void>;
  /** What happened to the database in this session (repairs, blocked upgrades). */
  dbHealth?: () => DbHealth;
  /** The extension's version: the prebuilt search index is rebuilt after an update. */
  extensionVersion: string;
  /** A tab's address, as the browser gives it (for the sites' tabs, thanks to the host permissions). */
  tabUrl?: (tabId: number) => Promise<string | undefined>;
  /** Sends a panel frame's action to the content script of the tab the frame is in (its top frame only). */
  relayToTab?: (tabId: number, message: unknown) => Promise<unknown>;
  /** Sends a message to one frame of a tab (the panel's), from the background. */
  toTabFrame?: (tabId: number, frameId: number, message: unknown) => Promise<void>;
  /** Per tab, the frame its content script made for the panel (lib/messaging/panel-binding.ts). */
  panelFrames?: TabStore<PanelFrameBinding>;
  /** Per-tab "now watching" memory that survives the service worker being stopped. */
  nowWatching: TabStore<NowWatching>;
  /**
   * Per tab, the episode the background last identified there (lib/identity/policy.ts): only a confirmed one may
   * be recorded as watched. Kept in memory when not given (the worker's memory: the extension gives a store that
   * survives the worker being stopped).
   */
  identities?: TabStore<TabIdentity>;
  /**
   * Per tab, the video id the background's last identification there named: a correction is kept only for it
   * (never for an id the page swapped in, or the next video autoplay brought, since the viewer was asked).
   */
  shownVideos?: TabStore<string>;
  /** Per tab, the title without a pack that plays there, as Netflix names it (issue 17). */
  unpackedTitles?: TabStore<TabTitle>;
  /**
   * The sites' own servers, asked by the background for the video a tab shows (lib/sites/server-ask.ts). Absent: no
   * server signal at all, and identification rests on what the page shows (a guess).
   */
  askServer?: ServerAsker;
  /** Lookups for titles without a pack (issue 17): absent where the extension cannot make them. */
  lookups?: LookupServiceDeps;
}

export interface TabIdentity {
  showId: string;
  episodeId: string;
  confirmed: boolean;
  /** When this tab was first identified as playing this episode (Date.now()). */
  since: number;
}

/** A TabStore in this worker's memory only. */
export function memoryTabStore<T>(): TabStore<T> {
  const memory = new Map<number, T>();
  return {
    get: async (id) => memory.get(id),
    set: async (id, value) => void (value ? memory.set(id, value) : memory.delete(id)),
  };
}

export interface PanelFrameBinding {
  /** The token the content script handed its own frame, never shown to the page (lib/messaging/panel-binding.ts). */
  token: string;
  /** The frame that gave the token back: the tab's panel. */
  frameId?: number;
}

export interface TabStore<T> {
  get(tabId: number): Promise<T | undefined>;
  set(tabId: number, value: T | undefined): Promise<void>;
}

export interface LookupServiceDeps {
  /** The viewer's consent: the browser holds the optional host permissions (lib/lookup/origins.ts). */
  allowed: () => Promise<boolean>;
  tvmaze: { request(url: string): Promise<Response> };
  wikidata: { request(url: string): Promise<Response> };
  /** The clock the per-tab spacing of lookups keeps (lib/service/lookup-gate.ts); the real one by default. */
  pace?: Pace;
}

/**
 * Who sent a message, as the browser says (never the message): the tab of a content script, and the site that
 * tab's page belongs to (lib/sites/registry.ts). The site decides how a video or title id is read and stored.
 */
export interface From {
  tabId?: number;
  /** The site of the sender's page; for an extension page framed in a tab (the panel), of that tab's page. */
  /** The sender's frame in its tab (0: the top frame). */
  frameId?: number;
  site?: SiteId;
}

export type Core = ReturnType<typeof createCore>;

export function createCore(deps: ServiceDeps) {
  let seeding: Promise<SeedOutcome[]> | undefined;
  let reconciling: Promise<void> | undefined;
  const saveReadVolumes = async (readVolumes: Record<string, number>, replace = false) =>
    void (await deps.saveSettings({ readVolumes }, { replaceReadVolumes: replace }));

  const ready = async () => {
    const db = await deps.getDb();
    seeding ??= ensureBundledPacks(db, deps.bundledPacks).catch((error: unknown) => {
      seeding = undefined;
      throw error;
    });
    await seeding;
    // A database deleted under the running worker comes back empty: seed it again now, not at the next start (B13).
    if ((await db.count('packs')) === 0) {
      seeding = ensureBundledPacks(db, deps.bundledPacks);
      await seeding;
    }
    // Once per start: reading progress synced from another browser. A failure here must not stop the answer.
    reconciling ??= (async () => {
      if (await reconcileReadVolumes(db, (await deps.loadSettings()).readVolumes, saveReadVolumes)) await deps.dataChanged();
    })().catch((error: unknown) => console.warn('Backstory could not sync reading progress:', error));
    await reconciling;
    return db;
  };

  async function horizonFor(db: IDBPDatabase<BackstoryDB>, showId: string, currentOrdinal: number): Promise<ViewerHorizon> {
    const [settings, progress] = await Promise.all([deps.loadSettings(), getProgress(db, showId)]);
    return viewerHorizon(settings.guard, currentOrdinal, progress.furthestOrdinal, progress.readVolume);
  }
  async function ordinalOf(db: IDBPDatabase<BackstoryDB>, showId: string, episodeId: string): Promise<number> {
    return (await db.get('episodes', episodeKey(showId, episodeId)))?.ordinal ?? 0;
  }
  /** The horizon for a show as seen from a tab: the episode that tab plays counts as reached. */
  async function watchedHorizon(db: IDBPDatabase<BackstoryDB>, showId: string, tabId?: number): Promise<ViewerHorizon> {
    const now = tabId === undefined ? undefined : await deps.nowWatching.get(tabId);
    const current = now?.showId === showId ? await ordinalOf(db, showId, now.episodeId) : 0;
    return horizonFor(db, showId, current);
  }

  return {
    deps,
    identities: deps.identities ?? memoryTabStore<TabIdentity>(),
    shownVideos: deps.shownVideos ?? memoryTabStore<string>(),
    /**
     * How each tab's last identification ended, for its diagnostics: in the worker's memory (a stopped worker's
     * report says "not yet" until the next identification), a few words per tab.
     */
    lastResults: new Map<number, ResultLine>(),
    ready,
    horizonFor,
    ordinalOf,
    watchedHorizon,
    saveReadVolumes,
    /** What the last seeding of the bundled packs reported. */
    seedOutcomes: async () => (await seeding) ?? [],
    /** Seeds the bundled packs again, even where they are current ("Repair the built-in shows"). */
    reseed: async () => {
      seeding = ensureBundledPacks(await deps.getDb(), deps.bundledPacks, true);
      return seeding;
    },
  };
}
