import { describe, expect, it } from 'vitest';
import { SITE_LIST, SITES, siteOrigins } from './registry';
import { type AccessApi, createSiteAccessSync, optionalSites, renewAfterInstall, scriptId, syncSiteScripts } from './site-access';

/** The browser as far as the registration sees it: granted origins and registered scripts, with a log of calls. */
function fakeBrowser(granted: string[] = []) {
  const grants = new Set(granted);
  const scripts = new Map<string, { matches: string[]; js: string[] }>();
  const log: string[] = [];
  const api: AccessApi = {
    contains: async (origins) => origins.every((o) => grants.has(o)),
    registered: async (ids) => ids.filter((id) => scripts.has(id)),
    register: async (list) => {
      for (const s of list) {
        if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        scripts.set(s.id, s);
        log.push(`register ${s.id}`);
      }
    },
    unregister: async (ids) => {
      for (const id of ids) {
        if (!scripts.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
        log.push(`unregister ${id}`);
      }
    },
    injectOpenTabs: async (site) => {
      log.push(`inject ${site.id}`);
    },
  };
  return { api, grants, scripts, log };
}

const site = SITES.primevideo;
const all = siteOrigins(site);

describe('site access', () => {
  it('asks the viewer for every site after the first, never for Netflix', () => {
    expect(optionalSites().map((s) => s.id)).toEqual(['primevideo']);
    expect(SITE_LIST.filter((s) => !s.access).map((s) => s.id)).toEqual(['netflix']);
  });

  it('names whole origins for a site whose pages are a path of a host', () => {
    expect(all).toEqual([
      'https://www.primevideo.com/*',
      'https://www.amazon.com/*',
      'https://www.amazon.co.uk/*',
      'https://www.amazon.de/*',
      'https://www.amazon.co.jp/*',
    ]);
  });

  it('registers nothing while the hosts are not granted', async () => {
    const b = fakeBrowser();
    expect(await syncSiteScripts(b.api)).toEqual([]);
    expect(b.log).toEqual([]);
  });

  it('registers the content script on the registry’s pages once every origin is granted, and only once', async () => {
    const b = fakeBrowser(all);
    expect((await syncSiteScripts(b.api)).map((s) => s.id)).toEqual(['primevideo']);
    expect(b.scripts.get(scriptId(site))).toEqual({
      id: 'site-primevideo',
      matches: site.matches,
      js: ['/content-scripts/primevideo.js'],
    });
    // A later start finds it registered and leaves it.
    expect(await syncSiteScripts(b.api)).toEqual([]);
    expect(b.log).toEqual(['register site-primevideo']);
  });

  it('does not register while one origin is missing (taken back in the browser’s own settings)', async () => {
    const b = fakeBrowser(all.slice(1));
    await syncSiteScripts(b.api);
    expect(b.scripts.size).toBe(0);
  });

  it('unregisters when the grant is taken back', async () => {
    const b = fakeBrowser(all);
    await syncSiteScripts(b.api);
    b.grants.delete('https://www.amazon.de/*');
    expect(await syncSiteScripts(b.api)).toEqual([]);
    expect(b.scripts.size).toBe(0);
    expect(b.log).toEqual(['register site-primevideo', 'unregister site-primevideo']);
  });

  it('registers a granted site again after an update, so the new file replaces the old', async () => {
    const b = fakeBrowser(all);
    await syncSiteScripts(b.api);
    expect(await syncSiteScripts(b.api, undefined, true)).toEqual([]);
    expect(b.log).toEqual(['register site-primevideo', 'unregister site-primevideo', 'register site-primevideo']);
  });

  it('runs one sync at a time, so a grant and a start-up arriving together register once, and fills open tabs', async () => {
    const b = fakeBrowser(all);
    const sync = createSiteAccessSync(b.api);
    await Promise.all([sync(), sync(), sync()]);
    expect(b.log).toEqual(['register site-primevideo', 'inject primevideo']);
  });

  it('keeps syncing after a failed one', async () => {
    const b = fakeBrowser(all);
    let fail = true;
    const contains = b.api.contains;
    b.api.contains = (origins) => (fail ? Promise.reject(new Error('gone')) : contains(origins));
    const sync = createSiteAccessSync(b.api);
    await expect(sync()).rejects.toThrow('gone');
    fail = false;
    await sync();
    expect(b.scripts.size).toBe(1);
  });

  it('after an install or update, puts the new content script into each site’s open tabs once', async () => {
    // Granted but not registered (a registration lost with the old version): the renewal turns the site on and
    // fills its tabs; the other sites' tabs are filled after it, and the renewed site's not a second time.
    const b = fakeBrowser(all);
    await renewAfterInstall(createSiteAccessSync(b.api), b.api);
    expect(b.log).toEqual(['register site-primevideo', 'inject primevideo', 'inject netflix']);
    // Registered already: renewed, and every site's tabs filled once.
    b.log.length = 0;
    await renewAfterInstall(createSiteAccessSync(b.api), b.api);
    expect(b.log).toEqual(['unregister site-primevideo', 'register site-primevideo', 'inject netflix', 'inject primevideo']);
  });
});
