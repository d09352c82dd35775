/**
 * The streaming sites Backstory works on, as the manifest, the background and the options page need them: which
 * pages, which ids, which page-world script. Each site's code lives in its folder beside this file behind the
 * contract in site.ts; its content script is a three-line entry in entrypoints/<site>.content/. Adding a site
 * touches that folder, this list, the site's id shape in lib/ids/ids.ts and that entry, among others: every file is
 * listed in CONTRIBUTING.md, "Add a site".
 */

import type { SignalValue } from '../identity/policy';
import { SITE_VIDEO_IDS, type SiteId } from '../ids/ids';
import type { SiteLookup } from '../lookup/site-lookup';
import { netflixLookup } from './netflix/lookup';
import { isWatchUrl as isNetflixWatchUrl } from './netflix/selectors';
import { type ParsedTitle, parseTitleParts } from './netflix/title-parser';
import type { CatalogEntry } from './primevideo/catalog-bridge';
import { primevideoLookup } from './primevideo/lookup';
import { pairCatalog } from './primevideo/pair';
import { isWatchUrl as isPrimeWatchUrl } from './primevideo/selectors';
import { parsePrimeTitle } from './primevideo/title';

/**
 * Prime Video's storefronts where the evidence (primevideo-evidence.md #1, #20, §6; grade A) shows the web player:
 * the global site, and the video pages of four Amazon retail sites, with or without a language prefix ("/-/en/").
 * Other Amazon countries are left out until a source shows the player there.
 */
const AMAZON_VIDEO = ['www.amazon.com', 'www.amazon.co.uk', 'www.amazon.de', 'www.amazon.co.jp'].flatMap((host) => [
  `https://${host}/gp/video/*`,
  `https://${host}/-/*/gp/video/*`,
]);

export interface SiteInfo {
  id: SiteId;
  /** As the site calls itself (a name, not translated). */
  name: string;
  /** The pages its content script runs on, and the only host permission it gets: as narrow as the site allows. */
  matches: string[];
  /**
   * 'optional': its hosts are optional permissions the viewer grants (the options page's "Sites"), and its content
   * script is registered at run time while they are granted (lib/sites/site-access.ts). A required host added in an
   * update disables the extension for everyone who installed it before, until they accept the new warning; so every
   * site after the first is optional. Absent: required, its content script in the manifest.
   */
  access?: 'optional';
  /** Its watch pages: a tab showing one may have something playing. */
  isWatchUrl(url: URL): boolean;
  /** Its page-world reader, web-accessible to `matches` only; absent when the site needs none. */
  pageScript?: `/${string}.js`;
  /** The shape of its video and title ids, checked before any is stored (lib/ids/ids.ts, SITE_VIDEO_IDS). */
  videoId: RegExp;
  /** How Wikidata and TVmaze know its titles, for the lookups of titles without a pack (lib/lookup). */
  lookup: SiteLookup;
  /**
   * Reads the parts of its title text (show, code, episode title) in any language: in the background, so the
   * script injected into the site's pages carries no parser.
   */
  readTitle(parts: readonly string[]): ParsedTitle;
  /**
   * Pairs the page world's catalog entries (an observation's `catalog`) with the title text's parts, in the
   * background: the entry that is playing, as the video id and a page-world signal, its fields still unchecked.
   * Absent: the site sends no catalog, and one sent is ignored.
   */
  pairCatalog?(
    entries: readonly CatalogEntry[],
    parts: readonly string[] | undefined,
  ): { videoId: string; value: SignalValue } | undefined;
}

/** Every site lib/ids/ids.ts names (SiteId), and no other. */
export const SITES: Record<SiteId, SiteInfo> = {
  netflix: {
    id: 'netflix',
    name: 'Netflix',
    // Watch pages only on www.: not plain http, not the other subdomains (jobs., help., …) (review B15).
    matches: ['https://www.netflix.com/*'],
    isWatchUrl: isNetflixWatchUrl,
    pageScript: '/netflix-page.js',
    videoId: SITE_VIDEO_IDS.netflix,
    lookup: netflixLookup,
    readTitle: parseTitleParts,
  },
  primevideo: {
    id: 'primevideo',
    name: 'Prime Video',
    // Added after Netflix: optional, so an update does not disable Backstory for those who never watch it.
    access: 'optional',
    matches: ['https://www.primevideo.com/*', ...AMAZON_VIDEO],
    isWatchUrl: isPrimeWatchUrl,
    pageScript: '/primevideo-page.js',
    videoId: SITE_VIDEO_IDS.primevideo,
    lookup: primevideoLookup,
    readTitle: parsePrimeTitle,
    pairCatalog,
  },
};

export const SITE_LIST: SiteInfo[] = Object.values(SITES);

/**
 * The origins a site's host permission names: a host permission and a web-accessible resource's `matches` name whole
 * origins (Chromium refuses a path in the latter, and ignores it in the former), so a site whose pages are a path of
 * a host (Amazon's /gp/video/) gets the host.
 */
export function siteOrigins(site: Pick<SiteInfo, 'matches'>): string[] {
  return [...new Set(site.matches.map((m) => m.replace(/^(https?:\/\/[^/]+)\/.*$/, '$1/*')))];
}

/** Where the build puts a site's content script (entrypoints/<site id>.content). */
export const contentScriptFile = (site: Pick<SiteInfo, 'id'>) => `/content-scripts/${site.id}.js` as const;

/** Whether a match pattern of the form "https://host/path*" (a `*` standing for any run of characters) covers the URL. */
function matches(pattern: string, url: URL): boolean {
  const m = /^(https?):\/\/([^/*]+)(\/.*)$/.exec(pattern);
  if (!m || url.protocol !== `${m[1]}:` || url.host !== m[2]) return false;
  const path = new RegExp(
    `^${(m[3] ?? '')
      .split('*')
      .map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return path.test(url.pathname);
}

/** The site a page belongs to, from its address (a content script's sender URL, a tab's URL). */
export function siteOfUrl(url: string | URL | undefined): SiteInfo | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '');
  } catch {
    return undefined;
  }
  return SITE_LIST.find((site) => site.matches.some((pattern) => matches(pattern, parsed)));
}

/** True when the URL is a watch page of any site. */
export function isAnyWatchUrl(url: URL): boolean {
  return siteOfUrl(url)?.isWatchUrl(url) ?? false;
}
