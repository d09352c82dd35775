/**
 * Which frame is the panel (security review 2, R2 and R4). panel.html is web-accessible to the site, so the site's
 * page can frame copies of it, read the real frame's address (token included) and post into any frame: nothing the
 * page can read may count as proof. So:
 * - the content script makes a secret that never enters the page (not in the DOM, not in an address), registers it
 *   with the background for its tab, and hands it to its own frame only: `postMessage` into that <iframe>'s window,
 *   addressed to the extension's origin, so the browser delivers it only while that frame shows an extension page;
 * - the frame gives the secret back to the background, which then binds the sender's frame id (which the browser
 *   attests, and the page cannot forge) to the tab;
 * - the background answers a panel page only from the frame bound for its own tab (lib/messaging/protocol.ts) and
 *   hands the panel's state to that frame only (lib/service/watch-page.ts, relayToPanel), and the frame takes state
 *   only from the background, never from a content script (of this tab or another).
 * A copy the page made never learns the secret: it stays blank and every request it makes is refused.
 * (runtime.getFrameId would give the content script its frame's id directly, but Chromium 150 does not offer it to
 * content scripts: measured.)
 */
import { browser } from 'wxt/browser';
import { send } from './send';

/** The panel's extension page: any sender showing it must be the bound frame of its tab. */
export const PANEL_PAGE = '/panel.html';

interface BindMessage {
  backstoryPanelSecret: string;
}

/** Content script: a fresh secret for a new panel frame, registered with the background for this tab. */
export async function registerPanelSecret(): Promise<string> {
  const secret = crypto.getRandomValues(new Uint32Array(4)).join('-');
  await send('registerPanelSecret', { secret });
  return secret;
}

/** Content script: hands the secret to the frame it made (call on each of its loads). */
export function handSecretToFrame(frame: HTMLIFrameElement, secret: string): void {
  const message: BindMessage = { backstoryPanelSecret: secret };
  // Addressed to the extension's origin: the browser drops it if the page navigated the frame elsewhere.
  frame.contentWindow?.postMessage(message, new URL(browser.runtime.getURL('/')).origin);
}

/** Panel frame: resolves once the background bound this frame as its tab's panel (on the first valid secret). */
export function panelFrameBound(): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      const secret = (event.data as BindMessage | null)?.backstoryPanelSecret;
      if (typeof secret !== 'string' || secret.length > 60) return;
      send('claimPanelFrame', { secret }).then(
        (bound) => {
          if (!bound) return;
          // Kept listening: a later secret (the frame reloaded, the content script was updated) binds again.
          resolve();
        },
        () => undefined,
      );
    };
    window.addEventListener('message', onMessage);
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
