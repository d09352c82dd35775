/** The PageReader used on netflix.com: the DOM through the selector table, the page world through the bridge. */
import type { PageReader } from './identify';
import { requestPageState } from './page-bridge';
import { queryFirst, readVideoId, VIDEO_TITLE, videoIdFromUrl } from './selectors';

export function createDomReader(doc: Document, win: Window): PageReader {
  return {
    pageState: () => requestPageState(win, [readVideoId(doc), videoIdFromUrl(win.location)]),
    videoId: () => readVideoId(doc) ?? videoIdFromUrl(win.location),
    titleParts: () => readTitleParts(doc),
  };
}

/** The title block's child texts (show, code, episode title), read as text only. */
export function readTitleParts(doc: Document): string[] | undefined {
  const block = queryFirst(doc, VIDEO_TITLE);
  if (!block) return undefined;
  const parts = [...block.children].map((child) => child.textContent ?? '').filter((t) => t.trim());
  return parts.length ? parts.slice(0, 6) : [block.textContent ?? ''];
}
