import type { SearchPayload } from '../../lib/search/warm-index';
import type { DocKind, EntityDetail } from '../../lib/views/catalog';

export interface NowWatchingInfo {
  showId: string;
  showTitle: string;
  episodeId: string;
  code: string;
  title: string;
  /** The comic volume to read next, if the data says. */
  readNext: { volume: number; title: string } | null;
}

/** Where the popup gets its data; the background service in the extension, fakes in tests. */
export interface PopupData {
  /** The documents the horizon allows, with the index the background built for them. */
  searchIndex(): Promise<SearchPayload>;
  nowWatching(): Promise<NowWatchingInfo | null>;
  /** `reveal`: a cast member the spoiler guard holds back, which the viewer asked to see (as of their first episode). */
  detail(kind: DocKind, showId: string, id: string, reveal?: boolean): Promise<EntityDetail | null>;
  /** Opens a looked-up result at its source (TVmaze, Wikidata) in a new tab. */
  openLink?(url: string): Promise<void>;
  /** The names of the sites the viewer can turn on and has not (their hosts are optional), for the offer. */
  sitesOff?(): Promise<string[]>;
  /** Opens the options page at its "Streaming sites" switches. */
  openSites?(): Promise<void>;
}

export interface Selection {
  kind: DocKind;
  showId: string;
  id: string;
  reveal?: boolean;
}
