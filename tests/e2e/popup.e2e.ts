// The toolbar popup in real Chromium: search by actor, character, episode and volume, the spoiler guard,
// keyboard use, and the "now watching" report from a Netflix tab.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { activeOption, fixtureId, openPopup as openPopupOf, panelEpisode, useExtension, watch } from './support';

const env = useExtension();

const openPopup = () => openPopupOf(env);

describe('the popup', () => {
  it('opens with the search box focused and no accessibility violations', async () => {
    const page = await openPopup();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bs-search');
    await page.keyboard.type('nick');
    await page.locator('[role="option"]').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('finds an actor despite a typo, once, with their character, and opens the card with Enter', async () => {
    const page = await openPopup();
    await page.locator('#bs-search').fill('olivia colmen');
    await expect
      .poll(() => page.locator('[role="option"]').allTextContents())
      .toEqual(['Sarah NelsonOlivia Colman · Heartstopper']);
    await expect.poll(() => activeOption(page)).toBe('Sarah Nelson');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#bs-detail-title').textContent()).toBe('Sarah Nelson');
    expect(await page.locator('.bs-detail').textContent()).toContain('Played by Olivia Colman');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('bs-search');
    await page.close();
  });

  it('finds a character and an episode by title, and hides the synopsis of an episode not yet reached', async () => {
    const page = await openPopup();
    await page.locator('#bs-search').fill('elle');
    await expect.poll(() => activeOption(page)).toBe('Elle Argent');
    await page.locator('#bs-search').fill('journey');
    await expect.poll(() => activeOption(page)).toBe('Journey');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#bs-detail-title').textContent()).toBe('S3 · E4 · Journey');
    const text = (await page.locator('.bs-detail').textContent()) ?? '';
    expect(text).toContain('Hidden until you reach this episode.');
    expect(text).not.toContain('eating disorder');
    await page.close();
  });

  it('opens a volume with the episodes that adapt it', async () => {
    const page = await openPopup();
    await page.locator('#bs-search').fill('volume 2');
    await expect.poll(() => activeOption(page)).toBe('Heartstopper Volume 2');
    await page.keyboard.press('Enter');
    const detail = page.locator('.bs-detail');
    await expect.poll(() => detail.textContent()).toContain('S1 · E3 Kiss');
    expect(await detail.textContent()).toContain('The story summary is hidden until you reach it.');
    await page.close();
  });

  it('does not let search reveal a cast member beyond the horizon', async () => {
    const page = await openPopup();
    await page.locator('#bs-search').fill('eddie marsan');
    await expect
      .poll(() => page.locator('.bs-hidden-matches').textContent())
      .toBe('1 match hidden by your spoiler guard (season 3) · Show');
    expect(await page.locator('body').textContent()).not.toContain('Geoff');
    expect(await page.locator('body').textContent()).not.toContain('No results');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(() => page.locator('[role="option"]').first().textContent()).toContain('Geoff');
    expect(await page.locator('[role="option"]').first().textContent()).toContain('Spoiler · from S3');
    await page.close();
  });

  it('knows which episode a Netflix tab is playing, without the tabs permission', async () => {
    const watchPage = await env.newPage();
    await watch(watchPage, 2, 3);
    await expect.poll(() => panelEpisode(watchPage)).toBe('S2 · E3 Promise');
    const popup = await openPopup();
    const reply = await popup.evaluate(async (url) => {
      const c = (
        globalThis as unknown as {
          chrome: {
            tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
            runtime: { sendMessage(m: unknown): Promise<unknown> };
          };
        }
      ).chrome;
      // Tab ids need no permission; the content script told the background what its tab plays.
      const tabs = await c.tabs.query({});
      const results = [];
      for (const tab of tabs)
        results.push(await c.runtime.sendMessage({ backstory: 1, type: 'getNowWatching', data: { tabId: tab.id } }));
      return { results, url };
    }, watchPage.url());
    const manifest = JSON.parse(await readFile('.output/chrome-mv3/manifest.json', 'utf8'));
    expect(manifest.permissions).not.toContain('tabs');
    expect(reply.results).toContainEqual({
      ok: true,
      value: {
        showId: 'heartstopper',
        showTitle: 'Heartstopper',
        episodeId: 's2e3',
        code: 'S2 · E3',
        title: 'Promise',
        readNext: expect.objectContaining({ volume: expect.any(Number) }),
      },
    });
    expect(watchPage.url()).toContain(String(fixtureId(2, 3)));
    await popup.close();
    await watchPage.close();
  });

  // Seen on CI: Chromium's message lookup came back empty for a whole browser, and every button lost its words.
  it('still has its words when the browser returns no messages', async () => {
    const page = await env.newPage();
    await page.addInitScript(() => {
      (globalThis as unknown as { chrome: { i18n: { getMessage: () => string } } }).chrome.i18n.getMessage = () => '';
    });
    await page.goto(`chrome-extension://${env.browser.extensionId}/popup.html`);
    await page.locator('#bs-search').fill('olivia colmen');
    await expect.poll(() => activeOption(page)).toBe('Sarah Nelson');
    await page.keyboard.press('Enter');
    expect(await page.locator('.bs-detail').textContent()).toContain('Played by Olivia Colman');
    expect(await page.title()).toBe('Backstory');
    await page.close();
  });

  it('raised no errors in the pages or the service worker', () => {
    expect(env.pageErrors).toEqual([]);
    expect(env.workerErrors).toEqual([]);
  });
});
