/**
 * A title without a pack (issue 17): from the viewer opening the panel to the looked-up cast showing, once from
 * the imitation TVmaze and Wikidata (the cache cleared before each run; loopback, so this is Backstory's own time
 * plus the provider queue's, not the internet's), once from the cache with the imitations cut off. A recorder
 * installed in the panel's frame notes when the first cast line appears; the page notes when it asks for the panel.
 */
import type { Page } from 'playwright-core';
import { LOOKUP_ORIGINS } from '../../../lib/lookup/origins';
import { lookupSiteAccess } from '../lookup-access';
import { panelFrame, togglePanel } from '../panel-frame';
import type { ProviderImitation } from '../provider-imitation';
import type { BenchContext } from './context';
import { summarize } from './stats';

const TITLE = 'https://www.netflix.com/watch/90009903';
type CastWin = Window & { __castSeen?: number };

/** Runs in every frame: in the panel's, records when a looked-up cast line first shows. Nothing polls. */
export function recordLookupCast() {
  if (!location.pathname.endsWith('/panel.html')) return;
  const look = () => {
    const win = window as unknown as CastWin;
    if (win.__castSeen === undefined && document.querySelector('.bs-cast--plain'))
      win.__castSeen = performance.timeOrigin + performance.now();
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true });
}

async function send(ctx: BenchContext, type: string) {
  const page = await ctx.browser.context.newPage();
  await page.goto(`chrome-extension://${ctx.browser.extensionId}/options.html`);
  await page.evaluate(
    (t) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ backstory: 1, type: t }),
    type,
  );
  await page.close();
}

/** Opens the panel on the title as the shortcut does; returns when it was asked (page clock). */
async function openPanel(page: Page, ctx: BenchContext): Promise<number> {
  await page.goto(TITLE);
  await (await panelFrame(page)).waitForSelector('.bs-handle', { state: 'attached', timeout: 15_000 });
  const t0 = await page.evaluate(() => performance.timeOrigin + performance.now());
  await togglePanel(ctx.browser.serviceWorker, page);
  return t0;
}

/** Opens the panel and returns when the looked-up cast showed, in ms from the ask. */
async function openAndTime(page: Page, ctx: BenchContext): Promise<number> {
  const t0 = await openPanel(page, ctx);
  const frame = await panelFrame(page);
  const handle = await frame.waitForFunction(() => (window as unknown as CastWin).__castSeen, undefined, {
    polling: 50,
    timeout: 15_000,
  });
  return ((await handle.jsonValue()) as number) - t0;
}

export async function lookupFigures(ctx: BenchContext, providers: ProviderImitation) {
  await ctx.browser.context.addInitScript({ content: `(${recordLookupCast.toString()})()` });
  await lookupSiteAccess(ctx.browser, true);
  const page = await ctx.browser.context.newPage();
  try {
    // Turned on as a viewer does, from the panel (the site access above spares the prompt headless cannot show).
    await openPanel(page, ctx);
    const frame = await panelFrame(page);
    await frame.getByRole('button', { name: 'Look up this title on TVmaze and Wikidata…' }).click();
    await frame.getByRole('button', { name: 'Look up titles Backstory has no pack for' }).click();
    await frame.waitForSelector('.bs-cast--plain', { timeout: 15_000 });
    const fetched: number[] = [];
    for (let i = 0; i < ctx.runs; i++) {
      await send(ctx, 'clearLookups');
      // Wikidata's queue spaces its requests a second apart: a first lookup does not wait for the last one.
      await page.waitForTimeout(1_100);
      fetched.push(await openAndTime(page, ctx));
    }
    ctx.table.unbudgeted('unknown title: panel opened → looked-up cast shown, from the imitation APIs', summarize(fetched));
    providers.setOnline(false);
    const cached: number[] = [];
    for (let i = 0; i < ctx.runs; i++) cached.push(await openAndTime(page, ctx));
    ctx.table.timing('unknown title: panel opened → looked-up cast shown, from the cache (APIs cut off)', summarize(cached), 300);
  } finally {
    providers.setOnline(true);
    await page.close();
    await send(ctx, 'clearLookups');
    await lookupSiteAccess(ctx.browser, false);
    await ctx.browser.serviceWorker.evaluate(
      (origins) =>
        (globalThis as unknown as { chrome: { permissions: { remove(p: object): Promise<boolean> } } }).chrome.permissions.remove(
          { origins },
        ),
      LOOKUP_ORIGINS,
    );
  }
}
