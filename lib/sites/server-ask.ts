/**
 * The site's own server, asked by the background about the video a tab shows, inside that tab's `identifyEpisode`
 * (no message more). The content script sends only the id, and the route the page named as a hint of lower rank;
 * what comes back is the one signal the page cannot write (lib/identity/policy.ts). Asked here rather than from
 * the content script because a request the content script makes runs as the page: a service worker the page
 * installed could answer it. And the script injected into the site's pages carries no fetcher (the injected budget).
 * A site with no such route (Prime Video: its catalog travels in the page's own requests) is never asked.
 *
 * The viewer's cookies go with it (`credentials: 'include'`, a host the extension holds). MEASURED on the imitation,
 * whose metadata route answers only with the page's session cookie (set without SameSite, so Lax): headless
 * Chromium's MV3 service worker and Firefox ESR's MV2 background page both send it (identification.e2e.ts,
 * firefox.e2e.ts). REPORTED: Chromium counts an extension's request to a host it holds as same-site; Firefox counts
 * such a host as same-origin. GUESS: that the real Netflix answers a request whose Origin is the extension's, and
 * that blocking third-party cookies leaves this request alone. KNOWN LIMIT: in a Firefox container tab the request
 * carries the default container's cookies, not the tab's. Whatever fails, the diagnostics say so and the page's
 * signals still give a guess (README, "Security and privacy").
 */
import type { ServerAsk, SignalValue } from '../identity/policy';
import type { SiteId } from '../ids/ids';
import { createMetadataFetcher, type MetadataFetcher, type MetadataOutcome } from './netflix/metadata-fetch';

/** What the server said for one identification: its signal (none when it could not be asked), and how it went. */
export interface ServerAnswer {
  signal?: { kind: 'metadata' | 'page-metadata'; value: SignalValue };
  outcome: MetadataOutcome;
}

export interface ServerAsker {
  /** Undefined when the site has no server route to ask. */
  ask(site: SiteId, tabId: number, ask: ServerAsk): Promise<ServerAnswer | undefined>;
  /** The tab's last answer, for the panel's "Copy diagnostics". */
  last(tabId: number): ServerAnswer | undefined;
  /** The tab closed: its rate limit and last answer go. */
  forget(tabId: number): void;
}

/** Each site with a metadata route of its own, and the origin it is asked on (the site's pages', never another). */
const ROUTES: Partial<Record<SiteId, (fetchImpl: typeof fetch) => MetadataFetcher>> = {
  netflix: (fetchImpl) => createMetadataFetcher('https://www.netflix.com', fetchImpl),
};

/**
 * One fetcher per tab and site, so that each tab keeps its own rate limit and back-off (what the content script
 * kept when it asked), in the worker's memory: a stopped worker forgets them, and starts each tab's count again.
 */
export function createServerAsker(fetchImpl: typeof fetch = (input, init) => fetch(input, init)): ServerAsker {
  const fetchers = new Map<string, MetadataFetcher>();
  const answers = new Map<number, ServerAnswer>();
  return {
    async ask(site, tabId, { videoId, pageRoute }) {
      const make = ROUTES[site];
      if (!make) return undefined;
      const key = `${tabId} ${site}`;
      const fetcher = fetchers.get(key) ?? make(fetchImpl);
      fetchers.set(key, fetcher);
      const said = await fetcher(videoId, pageRoute);
      let answer: ServerAnswer = { outcome: fetcher.outcome() };
      if (said) {
        const { fromPage, ...value } = said;
        answer = { ...answer, signal: { kind: fromPage ? 'page-metadata' : 'metadata', value } };
      }
      answers.set(tabId, answer);
      return answer;
    },
    last: (tabId) => answers.get(tabId),
    forget(tabId) {
      answers.delete(tabId);
      for (const key of fetchers.keys()) if (key.startsWith(`${tabId} `)) fetchers.delete(key);
    },
  };
}
