/**
 * The Netflix content script. It matches every netflix.com page, because Netflix moves from /browse to
 * /watch/ without reloading, but does nothing until the page is a watch page: then it starts a watch session
 * (see watch-session.ts), and stops it when the viewer leaves.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from '#imports';
import { isPanelToggleMessage } from '../../lib/messaging/tab-messages';
import { isWatchUrl } from '../../lib/netflix/selectors';
import { startWatchSession, type WatchSession } from './watch-session';

export default defineContentScript({
  matches: ['https://www.netflix.com/*'],
  runAt: 'document_idle',
  // Nothing is styled in Netflix's page: the panel is an extension page in its own frame (panel-frame.ts).
  cssInjectionMode: 'manual',
  main(ctx) {
    let session: WatchSession | undefined;
    const sync = (url: URL) => {
      if (isWatchUrl(url)) {
        session ??= startWatchSession(ctx);
        session.onUrlChange();
      } else {
        session?.stop();
        session = undefined;
      }
    };
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => sync(newUrl));
    // Leaving the page (another site, a reload, closing the tab): "now watching" ends with it. A page the browser
    // brings back from its back/forward cache starts again.
    ctx.addEventListener(window, 'pagehide', () => {
      session?.stop();
      session = undefined;
    });
    ctx.addEventListener(window, 'pageshow', (event) => {
      if ((event as PageTransitionEvent).persisted) sync(new URL(location.href));
    });
    ctx.onInvalidated(() => {
      session?.stop();
      session = undefined;
    });
    const onMessage = (message: unknown) => {
      if (isPanelToggleMessage(message)) session?.toggle();
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    sync(new URL(location.href));
  },
});
