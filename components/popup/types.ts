import type { DocKind, EntityDetail, SearchDoc } from '../../lib/db/catalog';

export interface NowWatchingInfo {
  showId: string;
  showTitle: string;
  episodeId: string;
  code: string;
  title: string;
}

/** Where the popup gets its data; the background service in the extension, fakes in tests. */
export interface PopupData {
  documents(): Promise<SearchDoc[]>;
  nowWatching(): Promise<NowWatchingInfo | null>;
  detail(kind: DocKind, showId: string, id: string): Promise<EntityDetail | null>;
}

export interface Selection {
  kind: DocKind;
  showId: string;
  id: string;
}
