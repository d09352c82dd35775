/**
 * Typed messages between the extension's contexts and the background service. Each method of the service is a
 * message type; callers get its return type, and errors thrown in the background are re-thrown at the caller.
 * Built on the polyfilled `browser.runtime` (promise-based in every browser) rather than a messaging library,
 * because the one we considered calls `chrome.*` directly and bypasses the polyfill.
 */
import { browser } from 'wxt/browser';
import type { BackstoryService, From } from '../service/backstory-service';
import { siteOfUrl } from '../sites/registry';
import { isPanelPage } from './panel-binding';
import type { Envelope, MessageType, Reply } from './send';

export { type MessageType, send } from './send';

/**
 * Every message, with who may send it, as uBlock Origin splits its channels: a site's content script runs
 * inside a page we do not control, so it may send only what the panel needs ('page'); everything else (export,
 * import, reset, other tabs' state) answers only the extension's own pages ('extension'). A message missing here
 * does not compile.
 */
const CALLERS = {
  identifyEpisode: 'page',
  recordWatched: 'page',
  getShortcut: 'page',
  getSettings: 'page',
  relayToPanel: 'page',
  // Asked by the panel's frame (an extension page) since the panel left Netflix's page: not by the content script.
  // The frame fetches its own context: the page side sends it ids and never reads the curated notes.
  getEpisodeContext: 'extension',
  // The viewer's own answers (a correction, "count it") come only from there: the page can speak through a
  // content script, never through an extension page (review 2, R3/N10).
  correctEpisode: 'extension',
  confirmWatched: 'extension',
  revealItem: 'extension',
  listEpisodes: 'extension',
  setReadVolume: 'extension',
  getNowWatching: 'extension',
  getSearchIndex: 'extension',
  getEntityDetail: 'extension',
  getProgress: 'extension',
  placeViewer: 'extension',
  relayToPanelHost: 'extension',
  claimPanelFrame: 'extension',
  listShows: 'extension',
  getStats: 'extension',
  reseed: 'extension',
  clearLearned: 'extension',
  resetProgress: 'extension',
  exportUserData: 'extension',
  importUserData: 'extension',
  importPack: 'extension',
  // Titles without a pack (issue 17): the panel's frame asks for its own tab; the options page for the cache.
  getTitleLookup: 'extension',
  getLookupCandidates: 'extension',
  chooseLookupShow: 'extension',
  confirmLookupTitle: 'extension',
  getLookupStats: 'extension',
  clearLookups: 'extension',
} as const satisfies Record<MessageType, 'page' | 'extension'>;

export const MESSAGE_TYPES = new Set<string>(Object.keys(CALLERS));
export const FOR_CONTENT_SCRIPTS = new Set<MessageType>(
  (Object.keys(CALLERS) as MessageType[]).filter((type) => CALLERS[type] === 'page'),
);

export type Caller = 'extension-page' | 'content-script';
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/** The caller's privilege, from what the browser says about the sender (never from the message itself). */
export function callerOf(sender: Sender): Caller | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  const own = new URL(browser.runtime.getURL('/')).origin;
  let origin: string;
  try {
    origin = new URL(sender.url ?? '').origin;
  } catch {
    return undefined;
  }
  // The options page can open in a tab: the origin decides, not the absence of a tab.
  if (origin === own) return 'extension-page';
  return sender.tab?.id !== undefined ? 'content-script' : undefined;
}

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && (message as Envelope).backstory === 1;
}

/** Why a message is refused, or undefined when the caller may make it. */
function refusal(message: Envelope, caller: Caller | undefined, sender: Sender): string | undefined {
  if (!MESSAGE_TYPES.has(message.type as string)) return `Unknown message "${String(message.type).slice(0, 40)}"`;
  if (!caller) return `Refused ${message.type}: the sender is not part of Backstory`;
  if (caller === 'content-script' && !FOR_CONTENT_SCRIPTS.has(message.type))
    return `Refused ${message.type}: it is not available to content scripts`;
  if (caller === 'content-script' && !siteOfUrl(sender.url))
    return `Refused ${message.type}: the page is not on a site Backstory supports`;
  return undefined;
}

/**
 * Answers Backstory messages with the service, each checked against its caller's privileges; malformed input
 * gets an error reply, never a crash. A content script's tab is the one the browser names, never one in the
 * message. Replies go through `sendResponse` with `return true`, the form every browser (and the polyfill) honours.
 */
export function serve(service: BackstoryService): () => void {
  const listener = (message: unknown, sender: Sender, sendResponse: (reply: Reply) => void): true | undefined => {
    if (!isEnvelope(message)) return undefined;
    const refused = refusal(message, callerOf(sender), sender);
    if (refused) {
      sendResponse({ ok: false, error: refused });
      return true;
    }
    const method = service[message.type] as (data: unknown, from: From) => Promise<unknown>;
    // A content script's site is the one its page is on (the browser names the page): ids are read as that site's.
    // The panel's frame, an extension page, speaks for the page of the tab it is framed in.
    const from: From = {
      tabId: sender.tab?.id,
      frameId: sender.frameId,
      site: (siteOfUrl(sender.url) ?? siteOfUrl(sender.tab?.url))?.id,
    };
    // The panel page is web-accessible: only the frame the tab's content script made and bound is answered, never a
    // copy the page framed itself (security review 2, R2; lib/messaging/panel-binding.ts).
    const allowed =
      isPanelPage(sender.url) && message.type !== 'claimPanelFrame' ? service.isBoundPanelFrame(from) : Promise.resolve(true);
    void allowed
      .then((ok) => {
        if (!ok) throw new Error(`Refused ${message.type}: this frame is not the panel Backstory made for the tab`);
        return method(message.data, from);
      })
      .then(
        (value) => sendResponse({ ok: true, value }),
        (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    return true;
  };
  const onMessage = browser.runtime.onMessage as unknown as {
    addListener(l: typeof listener): void;
    removeListener(l: typeof listener): void;
  };
  onMessage.addListener(listener);
  return () => onMessage.removeListener(listener);
}
