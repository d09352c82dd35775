/**
 * The background's one service: every query the content script, popup and options page make. Each method
 * validates its input, makes sure the bundled packs are seeded, and answers from IndexedDB.
 * It takes its dependencies as arguments so that tests run it against fake-indexeddb and fake storage.
 */
import type { IDBPDatabase } from 'idb';
import type { DbHealth } from '../db/connection';
import { resolveEpisode } from '../db/resolve';
import { type BackstoryDB, siteTitles } from '../db/schema';
import { ensureBundledPacks, type SeedOutcome, seedPack } from '../db/seed';
import { episodeCode, loadShowData } from '../db/show-data';
import {
  clearLearned,
  correctEpisode,
  exportUserData,
  getProgress,
  importUserData,
  placeViewer,
  recordWatched,
  resetProgress,
  setReadVolume,
} from '../db/user-data';
import { episodeKey } from '../ids/ids';
import { type ViewerHorizon, viewerHorizon } from '../pack/horizon';
import { upgradePack } from '../pack/upgrade';
import { validatePack } from '../pack/validate';
import { createWarmSearch } from '../search/warm-index';
import type { Settings } from '../settings/settings';
import { SITES, type SiteId } from '../sites/registry';
import { entityDetail } from '../views/catalog';
import { episodeContext, keepReading, revealItem } from '../views/context';
import { InvalidMessageError, inputs, parseInput } from './inputs';
import { localReadVolumes, pullReadVolumes, reconcileReadVolumes } from './read-volume-sync';

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
  /** Sends a panel frame's action to the content script of the tab the frame is in (its top frame only). */
  relayToTab?: (tabId: number, message: unknown) => Promise<unknown>;
  /** Per-tab "now watching" memory that survives the service worker being stopped. */
  nowWatching: {
    get(tabId: number): Promise<NowWatching | undefined>;
    set(tabId: number, value: NowWatching | undefined): Promise<void>;
  };
}

export type HealthNote = { kind: 'repaired'; stores: string[]; at: number } | { kind: 'blocked' };

export interface CacheStats {
  packs: { id: string; title: string; version: string; origin: string; seededAt: number; counts: Record<string, number> }[];
  learned: number;
  corrections: number;
  progress: { showId: string; showTitle: string; furthest: string | null; readVolume: number }[];
  seedProblems: { packId: string; issues: { path: string; message: string }[] }[];
  /** The database's health, as data the options page words: a repair (which stores, when), a blocked upgrade. */
  health: HealthNote[];
}

export function createBackstoryService(deps: ServiceDeps) {
  let seeding: Promise<SeedOutcome[]> | undefined;
  const searchPayload = createWarmSearch(deps.extensionVersion);
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
  async function watchedHorizon(db: IDBPDatabase<BackstoryDB>, showId: string, tabId?: number): Promise<ViewerHorizon> {
    const now = tabId === undefined ? undefined : await deps.nowWatching.get(tabId);
    const current = now?.showId === showId ? await ordinalOf(db, showId, now.episodeId) : 0;
    return horizonFor(db, showId, current);
  }

  return {
    /** Seeds the bundled packs now (on install and on startup) rather than on the first query. */
    async warmUp(): Promise<SeedOutcome[]> {
      await ready();
      return seeding ?? [];
    },

    async resolveEpisode(data: unknown, from: From = {}) {
      const signals = parseInput(inputs.signals, data, 'resolveEpisode');
      const site = siteOf(from, [signals.videoId, signals.titleId]);
      return resolveEpisode(await ready(), site, signals);
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

    async revealItem(data: unknown) {
      const { showId, season, handle } = parseInput(inputs.reveal, data, 'revealItem');
      return (await revealItem(await ready(), showId, season, handle)) ?? null;
    },

    async listEpisodes(data: unknown) {
      const { showId } = parseInput(inputs.showRef, data, 'listEpisodes');
      const show = await loadShowData(await ready(), showId);
      return show?.episodes.map((e) => ({ id: e.id, code: episodeCode(e), title: e.title })) ?? [];
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
     * Reading progress that arrived through sync (from another browser, or our own write coming back). With the
     * times it was set, an older synced value does not overwrite a newer local one.
     */
    async applySyncedReadVolumes(volumes: Record<string, number>, setAt?: Record<string, number>) {
      if (await pullReadVolumes(await ready(), volumes, setAt)) await deps.dataChanged();
    },

    /**
     * The settings, for the sites' content scripts: they build without the settings module (the injected budget),
     * and needs nothing of the reading progress, which stays out of the page's tab.
     */
    async getSettings(): Promise<Settings> {
      return { ...(await deps.loadSettings()), readVolumes: {} };
    },

    async getShortcut() {
      return deps.shortcut();
    },

    /**
     * The panel frame's way to its content script: the tab is the one the browser says the frame is in, so a
     * frame can only ever talk to the page it sits on.
     */
    async relayToPanelHost(data: unknown, { tabId }: From = {}) {
      const action = parseInput(inputs.panelAction, data, 'relayToPanelHost');
      if (tabId === undefined || !deps.relayToTab) throw new Error('The panel is not in a tab');
      return (await deps.relayToTab(tabId, { backstoryPanelAction: action })) ?? null;
    },

    async listShows() {
      const db = await ready();
      const shows = await db.getAll('shows');
      return Promise.all(
        shows.map(async (s) => ({
          id: s.id,
          title: s.title,
          volumes: await db.countFromIndex('entities', 'by-show-kind', [s.id, 'volume']),
        })),
      );
    },

    async getStats(): Promise<CacheStats> {
      const db = await ready();
      const outcomes = (await seeding) ?? [];
      const [packs, learned, corrections, progress, shows] = await Promise.all([
        db.getAll('packs'),
        db.count('learned'),
        db.count('corrections'),
        db.getAll('progress'),
        db.getAll('shows'),
      ]);
      const titles = new Map(shows.map((s) => [s.id, s.title]));
      return {
        packs,
        learned,
        corrections,
        progress: await Promise.all(
          progress.map(async (p) => {
            const e = p.furthestEpisodeId ? await db.get('episodes', episodeKey(p.showId, p.furthestEpisodeId)) : undefined;
            return {
              showId: p.showId,
              showTitle: titles.get(p.showId) ?? p.showId,
              furthest: e ? `${episodeCode(e)} ${e.title}` : null,
              readVolume: p.readVolume,
            };
          }),
        ),
        seedProblems: outcomes.flatMap((o) => (o.status === 'invalid' ? [{ packId: o.packId, issues: o.issues }] : [])),
        health: healthNotes(deps.dbHealth?.() ?? {}),
      };
    },

    async reseed() {
      const db = await deps.getDb();
      seeding = ensureBundledPacks(db, deps.bundledPacks, true);
      const outcomes = await seeding;
      await deps.dataChanged();
      return outcomes;
    },

    async clearLearned() {
      await clearLearned(await ready());
      await deps.dataChanged();
    },

    async resetProgress() {
      await resetProgress(await ready());
      await saveReadVolumes({}, true);
      await deps.dataChanged();
    },

    async exportUserData() {
      return exportUserData(await ready());
    },

    async importUserData(data: unknown) {
      const db = await ready();
      const result = await importUserData(db, data);
      if (result.ok) {
        await saveReadVolumes(await localReadVolumes(db), true);
        await deps.dataChanged();
      }
      return result;
    },

    /** Validates and seeds a pack file chosen by the user; on any problem nothing changes. */
    /**
     * Imports a pack. One whose show (by id or its id on a site) belongs to another pack is refused, saying which,
     * unless the viewer confirmed the replacement (`{ pack, replace: true }`); the replaced pack is then kept from
     * coming back at start-up until the viewer re-seeds the bundled data (review B11).
     */
    async importPack(data: unknown) {
      const replacing = isReplacement(data);
      const result = validatePack(upgradePack(replacing ? data.pack : data));
      if (!result.ok) return result;
      const db = await ready();
      const { show } = result.pack;
      const sameTitle = await Promise.all(siteTitles(show.titleIds).map((key) => db.getFromIndex('shows', 'by-site-title', key)));
      const owner = [await db.get('shows', show.id), ...sameTitle].find((s) => s && s.packId !== result.pack.id);
      if (owner && !replacing)
        return {
          ok: false as const,
          replaces: { packId: owner.packId, showTitle: owner.title },
          issues: [{ path: 'show', message: `This pack would replace “${owner.title}” from the pack “${owner.packId}”.` }],
        };
      if (owner) {
        const previous = await db.get('packs', owner.packId);
        if (previous) await db.put('packs', { ...previous, replacedBy: result.pack.id });
      }
      const record = await seedPack(db, result.pack, 'imported');
      await deps.dataChanged();
      return { ok: true as const, pack: record };
    },
  };
}

export type BackstoryService = ReturnType<typeof createBackstoryService>;

/**
 * Who sent a message, as the browser says (never the message): the tab of a content script, and the site that
 * tab's page belongs to (lib/sites/registry.ts). The site decides how a video or title id is read and stored.
 */
export interface From {
  tabId?: number;
  site?: SiteId;
}

/** The sender's site, once its ids have the shape that site's ids have. */
function siteOf(from: From, ids: (string | undefined)[]): SiteId {
  const site = from.site && SITES[from.site];
  if (!site) throw new InvalidMessageError('Refused: the page is not on a site Backstory supports');
  for (const id of ids)
    if (id !== undefined && !site.videoId.test(id)) throw new InvalidMessageError(`Invalid id for ${site.name}`);
  return site.id;
}

function isReplacement(data: unknown): data is { pack: unknown; replace: true } {
  return typeof data === 'object' && data !== null && (data as { replace?: unknown }).replace === true && 'pack' in data;
}

function healthNotes(health: DbHealth): HealthNote[] {
  const notes: HealthNote[] = [];
  if (health.repair) notes.push({ kind: 'repaired', stores: health.repair.recreated, at: health.repair.at });
  if (health.blockedSince) notes.push({ kind: 'blocked' });
  return notes;
}
