/**
 * What Netflix's page shows of the video playing, gathered as signals for the background, which alone decides
 * what they mean (lib/identity/policy.ts). Each signal is named by where it was read, which fixes who could have
 * written it: the player's state in the page world and the control bar's title text (the page). The member API's
 * metadata for the video id (the server) is the background's own request, made in the same message
 * (lib/sites/server-ask.ts): the content script names the id to ask about, and the route the page named, which is
 * asked last and whose answer stays the page's word. The video id itself is `[data-videoid]`, else the
 * `/watch/<id>` URL. Nothing is matched or trusted here.
 */
import type { ServerAsk, SignalValue } from '../../identity/policy';
import type { Observed } from '../site';
import type { PageState } from './page-bridge';

export interface PageReader {
  pageState(): Promise<PageState | undefined>;
  /** `[data-videoid]`, else the `/watch/<id>` URL. */
  videoId(): string | undefined;
  /** Texts of the title block's parts, or undefined while the block is not in the page. */
  titleParts(): string[] | undefined;
}

/** What each signal said, kept for the panel's "Copy diagnostics" (the server's answer the background adds). */
export interface IdentifyTrace {
  page?: PageState;
  domVideoId?: string;
  titleParts?: string[];
}

export async function observe(reader: PageReader, trace: IdentifyTrace = {}): Promise<Observed> {
  const page = await reader.pageState();
  const videoId = reader.videoId();
  // The page's id names what to ask the server about; the page world's, only when the page shows none.
  const asked = videoId ?? page?.videoId;
  const titleParts = reader.titleParts();
  Object.assign(trace, { page, domVideoId: videoId, titleParts });
  const signals: Observed['signals'] = [];
  // The page world's fields go on as the page wrote them: the background checks each (page-bridge.ts says why).
  if (page) {
    const { source, nonce, memberApiPath, probe, ...value } = page;
    signals.push({ kind: 'page-world', value: value as SignalValue });
  }
  if (titleParts) signals.push({ kind: 'title-text', value: { parts: titleParts } });
  return { videoId, signals, ask: asked ? ({ videoId: asked, pageRoute: page?.memberApiPath } as ServerAsk) : undefined };
}
