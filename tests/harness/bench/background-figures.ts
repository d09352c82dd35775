/** The background service through real messaging: seeding the bundled packs and episode-context queries. */
import type { Page } from 'playwright-core';
import type { BenchContext } from './context';
import { summarize } from './stats';

/** Sends each message to the background from an extension page and returns each round trip. */
export async function messageTimes(page: Page, messages: unknown[]): Promise<number[]> {
  return page.evaluate(async (list) => {
    const c = (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }
    ).chrome;
    const times: number[] = [];
    for (const message of list) {
      const t0 = performance.now();
      const reply = await c.runtime.sendMessage(message);
      times.push(performance.now() - t0);
      if (!reply?.ok) throw new Error(`message failed: ${reply?.error}`);
    }
    return times;
  }, messages);
}

export async function backgroundFigures({ browser, table, runs }: BenchContext) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.locator('table').waitFor();
  const seed = await messageTimes(
    page,
    Array.from({ length: runs }, () => ({ backstory: 1, type: 'reseed' })),
  );
  // Every bundled pack (Heartstopper and The Sandman), each in one transaction, reseeded even when current.
  table.timing('seeding both bundled packs into IndexedDB (round trip from a page)', summarize(seed), 300);
  const ids = Array.from({ length: 24 }, (_, i) => `s${Math.floor(i / 8) + 1}e${(i % 8) + 1}`);
  const queries = Array.from({ length: 240 }, (_, i) => ({
    backstory: 1,
    type: 'getEpisodeContext',
    data: { showId: 'heartstopper', episodeId: ids[i % 24] },
  }));
  table.timing('episode-context query through messaging', summarize(await messageTimes(page, queries)), 15, true);
  await page.close();
}
