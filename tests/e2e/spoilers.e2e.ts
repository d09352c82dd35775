// A first-time viewer at S1E1 with a fresh profile opens everything Backstory has: every cast card, every
// "Sources" list in the panel, and every result the popup can find. Nothing whose horizon is past S1E1 may
// appear, as text or as a link. What counts as "past" is derived from the pack (tests/support/later-material.ts).
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { episodeOrder, viewerHorizon } from '../../lib/pack/horizon';
import type { Pack } from '../../lib/pack/schema';
import { laterMaterial } from '../support/later-material';
import { panel, panelEpisode, panelFrame, useExtension, watch } from './support';

const env = useExtension();
const pack = JSON.parse(await readFile('data/heartstopper.pack.json', 'utf8')) as Pack;
const later = laterMaterial(pack, viewerHorizon('current', 1, 0, 0), episodeOrder(pack));

/** Visible text and every link address of a page, or of the panel's shadow root. */
async function everything(page: Page, inPanel: boolean): Promise<string> {
  const target = inPanel ? await panelFrame(page) : page;
  return target.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    const links = [...document.querySelectorAll('a')].map((a) => `${a.getAttribute('href')} ${a.title}`);
    return `${document.body.textContent}\n${links.join('\n')}`;
  });
}

const leaksIn = (seen: string) => later.filter(([, material]) => seen.includes(material)).map(([what]) => what);

describe('a first-time viewer at S1E1', () => {
  it('sees nothing beyond S1E1 in the panel, with every card expanded and every source list open', async () => {
    const page = await env.newPage();
    await watch(page, 1, 1);
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E1 Meet');
    const toggles = panel(page).locator('.bs-cast__toggle[aria-expanded="false"]');
    while ((await toggles.count()) > 0) await toggles.first().click();
    const seen = await everything(page, true);
    expect(seen).toContain('Charlie, outed at school the year before');
    expect(leaksIn(seen)).toEqual([]);
    await page.close();
  });

  it('sees nothing beyond S1E1 in any popup result it can find and open', async () => {
    const page = await env.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`chrome-extension://${env.browser.extensionId}/popup.html`);
    await page.locator('.bs-popup').waitFor();
    const queries = new Set([
      pack.show.title,
      ...pack.characters.map((c) => c.name),
      ...pack.people.map((p) => p.name),
      ...pack.episodes.map((e) => e.title),
      ...pack.volumes.map((v) => v.title),
      ...pack.books.map((b) => b.title),
      ...(pack.film ? [pack.film.title] : []),
    ]);
    const opened = new Set<string>();
    const leaks = new Set<string>();
    for (const query of queries) {
      await page.locator('#bs-search').fill(query);
      await page.waitForTimeout(80);
      const ids = await page.locator('[role="option"]').evaluateAll((options) => options.map((o) => o.id));
      for (const [what] of later.filter(([, material]) => material === query)) {
        // A name still ahead must not even be found.
        if (ids.length && (await page.locator('[role="option"] .bs-option__title').allTextContents()).includes(query))
          leaks.add(what);
      }
      for (const id of ids.filter((i) => !opened.has(i))) {
        opened.add(id);
        await page.locator(`#${id}`).click();
        await page.locator('#bs-detail-title').waitFor();
        for (const what of leaksIn(await everything(page, false))) leaks.add(`${what} (in ${id})`);
        await page.locator('.bs-back').click();
        await page.locator('#bs-search').waitFor();
      }
    }
    expect(opened.size).toBeGreaterThan(40);
    expect([...leaks]).toEqual([]);
    await page.close();
  });

  it('raised no errors in the pages or the service worker', () => {
    expect(env.pageErrors).toEqual([]);
    expect(env.workerErrors).toEqual([]);
  });
});
