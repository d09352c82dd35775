/**
 * What Netflix's page shows of the video playing, gathered as signals for the background, which alone decides
 * what they mean (lib/identity/policy.ts). Each signal is named by where it was read, which fixes who could have
 * written it: the member API's metadata for the video id, fetched here from Backstory's own route (the server);
 * the player's state in the page world, the control bar's title text and a metadata route the page named (the
 * page). The video id itself is `[data-videoid]`, else the `/watch/<id>` URL. Nothing is matched or trusted here.
 */
import type { Observed } from '../site';
import type { MetadataSignals } from './metadata';
import type { PageState } from './page-bridge';

export interface PageReader {
  pageState(): Promise<PageState | undefined>;
  /** `[data-videoid]`, else the `/watch/<id>` URL. */
  videoId(): string | undefined;
  /** Texts of the title block's parts, or undefined while the block is not in the page. */
  titleParts(): string[] | undefined;
  metadata(videoId: string, memberApiPath?: string): Promise<MetadataSignals | undefined>;
}

/** What each signal said, kept for the panel's "Copy diagnostics". */
export interface IdentifyTrace {
  page?: PageState;
  domVideoId?: string;
  metadata?: MetadataSignals;
  titleParts?: string[];
}

export async function observe(reader: PageReader, trace: IdentifyTrace = {}): Promise<Observed> {
  const page = await reader.pageState();
  const videoId = reader.videoId();
  // The page's id names what to ask the server about; the page world's, only when the page shows none.
  const asked = videoId ?? page?.videoId;
  const metadata = asked ? await reader.metadata(asked, page?.memberApiPath) : undefined;
  const titleParts = reader.titleParts();
  Object.assign(trace, { page, domVideoId: videoId, metadata, titleParts });
  const signals: Observed['signals'] = [];
  if (metadata) {
    const { fromPage, ...value } = metadata;
    signals.push({ kind: fromPage ? 'page-metadata' : 'metadata', value });
  }
  if (page) {
    const { source, nonce, memberApiPath, probe, ...value } = page;
    signals.push({ kind: 'page-world', value });
  }
  if (titleParts) signals.push({ kind: 'title-text', value: { parts: titleParts } });
  return { videoId, signals };
}
