import type { ImportResult, UserData } from '../../lib/db/user-data';
import type { PackIssue } from '../../lib/pack/validate';
import type { CacheStats } from '../../lib/service/backstory-service';
import type { Settings } from '../../lib/settings/settings';

export interface ShowInfo {
  id: string;
  title: string;
  volumes: number;
}

export interface EpisodeOption {
  id: string;
  code: string;
  title: string;
}

/** Lookups for titles without a pack (issue 17): the browser's grant, and the cache of what was fetched. */
export interface LookupsData {
  stats(): Promise<{ allowed: boolean; titles: number }>;
  /** Asks the browser for TVmaze and Wikidata (from the viewer's click): true once granted. */
  allow(): Promise<boolean>;
  disallow(): Promise<boolean>;
  clear(): Promise<void>;
  /** Calls back when the grant changes; returns what stops it. */
  watch(onChange: () => void): () => void;
}

/** What the options page needs; the background service and storage in the extension, fakes in tests. */
export interface OptionsData {
  lookups?: LookupsData;
  sites?: SitesData;
  loadSettings(): Promise<Settings>;
  saveSettings(patch: Partial<Settings>): Promise<Settings>;
  listShows(): Promise<ShowInfo[]>;
  /** How far the viewer has read and watched a show. */
  progress(showId: string): Promise<{ readVolume: number; watchedUpTo: string | null }>;
  listEpisodes(showId: string): Promise<EpisodeOption[]>;
  /** "Where you are": watched up to this episode (null: nothing yet). */
  place(showId: string, episodeId: string | null): Promise<void>;
  setReadVolume(showId: string, volume: number): Promise<void>;
  stats(): Promise<CacheStats>;
  storageEstimate(): Promise<{ usage?: number; quota?: number }>;
  shortcut(): Promise<string>;
  openShortcutSettings(): Promise<void>;
  reseed(): Promise<void>;
  clearLearned(): Promise<void>;
  resetProgress(): Promise<void>;
  exportUserData(): Promise<UserData>;
  importUserData(data: unknown): Promise<ImportResult>;
  importPack(
    data: unknown,
  ): Promise<
    | { ok: true; pack: { id: string; version: string } }
    | { ok: false; issues: PackIssue[]; replaces?: { packId: string; showTitle: string } }
  >;
}

/** A site the viewer turns on (its hosts are optional): its name as it calls itself, and the hosts it asks for. */
export interface OptionalSite {
  id: string;
  name: string;
  hosts: string[];
}

/** The sites the viewer turns on: the browser's grant of each one's hosts is the setting. */
export interface SitesData {
  sites: OptionalSite[];
  allowed(id: string): Promise<boolean>;
  /** Asks the browser for the site's hosts (from the viewer's click): true once granted. */
  allow(id: string): Promise<boolean>;
  disallow(id: string): Promise<boolean>;
  /** Calls back when a grant changes (here or in the browser's own settings); returns what stops it. */
  watch(onChange: () => void): () => void;
}
