import type { DocKind, EntityDetail } from '../../lib/db/catalog';
import type { SearchPayload } from '../../lib/search/warm-index';

export interface NowWatchingInfo {
  showId: string;
  showTitle: string;
  episodeId: string;
  code: string;
  title: string;
}

/** Where the popup gets its data; the background service in the extension, fakes in tests. */
export interface PopupData {
  /** The documents the horizon allows, with the index the background built for them. */
  searchIndex(): Promise<SearchPayload>;
  nowWatching(): Promise<NowWatchingInfo | null>;
  detail(kind: DocKind, showId: string, id: string): Promise<EntityDetail | null>;
}

export interface Selection {
  kind: DocKind;
  showId: string;
  id: string;
}
