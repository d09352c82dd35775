/**
 * A site whose hosts are optional (lib/sites/site-access.ts), turned on as a viewer does, for the e2e suite, the
 * demo and the bench: its hosts allowed in chrome://extensions ("Site access", as headless Chromium shows no prompt:
 * lookup-access.ts), then the switch on the options page, whose permissions.request() is answered at once. Waits
 * until the background has registered the site's content script, the state the tests need.
 */
import { SITES, siteOrigins } from '../../lib/sites/registry';
import { scriptId } from '../../lib/sites/site-access';
import type { ExtensionBrowser } from './browser';
import { hostAccess } from './lookup-access';

type SiteId = keyof typeof SITES;
type Scripting = { scripting: { getRegisteredContentScripts(f: object): Promise<{ id: string; matches?: string[] }[]> } };

/** The content script the background registered for a site, or undefined. */
export function registeredScript(browser: ExtensionBrowser, id: SiteId) {
  return browser.serviceWorker.evaluate(
    async (sid) =>
      (await (globalThis as unknown as { chrome: Scripting }).chrome.scripting.getRegisteredContentScripts({ ids: [sid] }))[0],
    scriptId(SITES[id]),
  );
}

export async function setSiteOn(browser: ExtensionBrowser, id: SiteId, on: boolean): Promise<void> {
  const site = SITES[id];
  if (on) await hostAccess(browser, siteOrigins(site), true);
  const options = await browser.context.newPage();
  try {
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#sites`);
    const toggle = options.getByRole('checkbox', { name: `Show Backstory on ${site.name}` });
    await toggle.waitFor();
    await options.waitForFunction((sel) => !document.querySelector<HTMLInputElement>(sel)?.disabled, '#sites input');
    if ((await toggle.isChecked()) !== on) await toggle.click();
    await options.waitForFunction(([sel, want]) => document.querySelector<HTMLInputElement>(sel)?.checked === want, [
      '#sites input',
      on,
    ] as const);
  } finally {
    await options.close();
  }
  if (!on) await hostAccess(browser, siteOrigins(site), false);
  for (let i = 0; i < 100 && !!(await registeredScript(browser, id)) !== on; i++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  if (!!(await registeredScript(browser, id)) !== on)
    throw new Error(`${id}: content script ${on ? 'not registered' : 'still registered'}`);
}
