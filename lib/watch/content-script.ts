/**
 * What every site's content script does: it matches all of the site's pages, because streaming sites move from
 * browsing to watching without reloading, but does nothing until the page is a watch page: then it starts a
 * watch session (watch-session.ts), and stops it when the viewer leaves.
 */
import type { SiteAdapter } from '../sites/site';
import type { WatchContext } from './watch-context';
import { startWatchSession, type WatchSession } from './watch-session';

export function runContentScript(ctx: WatchContext, site: SiteAdapter): void {
  let session: WatchSession | undefined;
  const sync = (url: URL) => {
    if (site.isWatchUrl(url)) {
      session ??= startWatchSession(ctx, site);
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
  sync(new URL(location.href));
}
