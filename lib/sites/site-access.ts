/**
 * Sites whose hosts the viewer grants (registry `access: 'optional'`): the grant is the setting, as for the lookups
 * (lib/lookup/permission.ts). While a site's origins are granted its content script is registered with the browser
 * (`scripting.registerContentScripts`, persisted across sessions: Chromium 102+, and Firefox 102+ in MV2, persisted
 * from 105, so Firefox ESR 140 has both); when they are taken back, here or in the browser's own extension
 * settings, it is unregistered. The background re-checks on every start, install and update, so a registration never
 * outlives its grant nor misses one, and an update's new script file replaces the old.
 */
import { browser } from 'wxt/browser';
import { contentScriptFile, SITE_LIST, type SiteInfo, siteOrigins } from './registry';

/** The sites the viewer turns on (their hosts are optional). */
export const optionalSites = (sites: readonly SiteInfo[] = SITE_LIST) => sites.filter((s) => s.access === 'optional');

/** The registration id of a site's content script. */
export const scriptId = (site: Pick<SiteInfo, 'id'>) => `site-${site.id}`;

/** The part of the browser's API the registration needs (a fake in unit tests). */
export interface AccessApi {
  contains(origins: string[]): Promise<boolean>;
  registered(ids: string[]): Promise<string[]>;
  register(scripts: { id: string; matches: string[]; js: string[] }[]): Promise<void>;
  unregister(ids: string[]): Promise<void>;
  /** Puts the content script into the site's tabs already open (the panel appears without a reload). */
  injectOpenTabs(site: SiteInfo): Promise<void>;
}

export const browserAccessApi: AccessApi = {
  contains: (origins) => browser.permissions.contains({ origins }),
  registered: async (ids) => (await browser.scripting.getRegisteredContentScripts({ ids })).map((s) => s.id),
  register: async (scripts) => {
    await browser.scripting.registerContentScripts(
      scripts.map((s) => ({ ...s, runAt: 'document_idle' as const, persistAcrossSessions: true })),
    );
  },
  unregister: (ids) => browser.scripting.unregisterContentScripts({ ids }),
  injectOpenTabs: async (site) => {
    const tabs = await browser.tabs.query({ url: site.matches }).catch(() => []);
    for (const tab of tabs)
      if (tab.id !== undefined)
        await browser.scripting
          .executeScript({ target: { tabId: tab.id }, files: [contentScriptFile(site)] })
          .catch(() => undefined);
  },
};

/**
 * Makes the registered content scripts match the grants: registers a granted site's that is missing, unregisters one
 * whose grant is gone; `refresh` (after an install or update) registers a granted one again, so the new version's
 * file and matches replace the old. Returns the sites newly turned on.
 */
export async function syncSiteScripts(
  api: AccessApi = browserAccessApi,
  sites = optionalSites(),
  refresh = false,
): Promise<SiteInfo[]> {
  const turnedOn: SiteInfo[] = [];
  for (const site of sites) {
    const id = scriptId(site);
    const [granted, registered] = await Promise.all([
      api.contains(siteOrigins(site)),
      api.registered([id]).then((ids) => ids.includes(id)),
    ]);
    if (registered && granted && !refresh) continue;
    if (registered) await api.unregister([id]);
    if (!granted) continue;
    await api.register([{ id, matches: site.matches, js: [contentScriptFile(site)] }]);
    if (!registered) turnedOn.push(site);
  }
  return turnedOn;
}

/**
 * One sync at a time (a grant's event and a start-up may arrive together: two registrations of one id would
 * fail), in the order asked; a newly turned-on site's open tabs get its content script at once.
 */
export function createSiteAccessSync(api: AccessApi = browserAccessApi, sites = optionalSites()) {
  let queue: Promise<unknown> = Promise.resolve();
  /** Resolves to the sites whose open tabs it filled. */
  return (refresh = false): Promise<SiteInfo[]> => {
    const run = queue.then(async () => {
      const turnedOn = await syncSiteScripts(api, sites, refresh);
      for (const site of turnedOn) await api.injectOpenTabs(site);
      return turnedOn;
    });
    queue = run.catch(console.error);
    return run;
  };
}

/**
 * After an install or update: streaming tabs open before it still run the old content script (or none). The granted
 * sites' registrations are renewed first, so they name the new version's file; then every site's open tabs get the
 * new script, which retires the old panel, once: a site the renewal turned on has had its tabs filled already.
 */
export async function renewAfterInstall(
  sync: ReturnType<typeof createSiteAccessSync>,
  api: AccessApi = browserAccessApi,
  sites: readonly SiteInfo[] = SITE_LIST,
): Promise<void> {
  const filled: SiteInfo[] = await sync(true).catch((error: unknown) => {
    console.error(error);
    return [];
  });
  for (const site of sites) if (!filled.includes(site)) await api.injectOpenTabs(site);
}

/** For the extension's pages: the viewer's switch. `allow` must run inside the click's handler, before any await. */
export const siteAllowed = (site: SiteInfo) => browser.permissions.contains({ origins: siteOrigins(site) });
export const allowSite = (site: SiteInfo) => browser.permissions.request({ origins: siteOrigins(site) });
export const disallowSite = (site: SiteInfo) => browser.permissions.remove({ origins: siteOrigins(site) });
