/**
 * Which frame is the panel (security review 2, R2 and R4). panel.html is web-accessible to the site, so the site's
 * page can frame copies of it, read any frame's address and post into any frame: nothing the page can read may count
 * as proof. So:
 * - the content script's token for its frame never enters the page (not in the DOM, not in the frame's address):
 *   the background learns it with the panel's state (relayToPanel), and the content script hands it to its own
 *   frame only, by `postMessage` into that <iframe>'s window addressed to the panel's address as the content script
 *   made it (never read back from the element, which the page can change), so the browser delivers it only while
 *   that frame shows an extension page (lib/watch/panel-frame.ts, on each load of the frame). The bare token: what
 *   else is posted into the frame (the page can post too) is not one, or not the right one;
 * - the frame gives the token back to the background, which binds the sender's frame id (which the browser attests
 *   and the page cannot forge) to the tab;
 * - the background answers a panel page only from the frame bound for its own tab (lib/messaging/protocol.ts) and
 *   hands the panel's state to that frame only (lib/service/watch-page.ts, relayToPanel), and the frame takes state
 *   only from the background, never from a content script (of this tab or another).
 * A copy the page made never learns the token: it stays blank and every request it makes is refused.
 * (runtime.getFrameId would give the content script its frame's id directly, but Chromium 150 does not offer it to
 * content scripts: measured.)
 */
import { browser } from 'wxt/browser';
import type { AttachedContext } from './panel-messages';
import { send } from './send';

/** The panel's extension page: any sender showing it must be the bound frame of its tab. */
export const PANEL_PAGE = '/panel.html';

/**
 * Panel frame: calls `bound` with the token, the content script's current state (null if it has none yet) and the
 * context the background attached for its ids (lib/service/panel-context.ts) each time the background binds this
 * frame as its tab's panel (a content script updated under the page hands a token again).
 */
export function onPanelFrameBound(bound: (token: string, state: unknown, context?: AttachedContext) => void): void {
  window.addEventListener('message', (event) => {
    const token: unknown = event.data;
    if (typeof token !== 'string' || !/^[\d-]{7,60}$/.test(token)) return;
    send('claimPanelFrame', { token }).then(
      (claimed) => claimed && bound(token, claimed.state, claimed.context),
      () => undefined,
    );
  });
}

/** Panel frame: a message the background itself sent (no tab: not a content script, of this tab or any other). */
export function isFromBackground(sender: { id?: string; tab?: unknown } | undefined): boolean {
  return sender?.id === browser.runtime.id && !sender.tab;
}

/** Background: whether a sender's address is the panel page (wherever it is framed, and by whom). */
export function isPanelPage(url: string | undefined): boolean {
  try {
    const address = new URL(url ?? '');
    return address.origin === new URL(browser.runtime.getURL('/')).origin && address.pathname === PANEL_PAGE;
  } catch {
    return false;
  }
}
