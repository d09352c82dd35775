/**
 * The lookup hosts (issue 17) granted or taken back as a viewer can in chrome://extensions ("Site access"), for
 * the e2e suite and the bench. Headless Chromium cannot show the prompt permissions.request() opens (measured: the
 * call never settles there). Granted this way, the hosts are not yet the extension's (permissions.contains still
 * says no), but its own request() from the viewer's click is then answered at once, without a prompt.
 */
import { LOOKUP_ORIGINS } from '../../lib/lookup/origins';
import type { ExtensionBrowser } from './browser';

type DeveloperPrivate = Record<'addHostPermission' | 'removeHostPermission', (id: string, host: string) => Promise<void>>;

export const lookupSiteAccess = (browser: ExtensionBrowser, grant: boolean) => hostAccess(browser, LOOKUP_ORIGINS, grant);

/** Any optional hosts (the lookups', a site's), granted or taken back in chrome://extensions' "Site access". */
export async function hostAccess(browser: ExtensionBrowser, origins: string[], grant: boolean): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto('chrome://extensions');
    await page.evaluate(
      async ([id, origins, add]) => {
        const dev = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome.developerPrivate;
        for (const origin of origins) await dev[add ? 'addHostPermission' : 'removeHostPermission'](id, origin);
      },
      [browser.extensionId, origins, grant] as const,
    );
  } finally {
    await page.close();
  }
}

/** Whether the extension holds the lookup hosts, as it asks itself. */
export function lookupsAllowed(browser: ExtensionBrowser): Promise<boolean> {
  return browser.serviceWorker.evaluate(
    (origins) =>
      (
        globalThis as unknown as { chrome: { permissions: { contains(p: object): Promise<boolean> } } }
      ).chrome.permissions.contains({
        origins,
      }),
    LOOKUP_ORIGINS,
  );
}
