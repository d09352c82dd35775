// The options page in real Chromium: settings that reach an open watch page, pack import errors, and the
// export/import round trip.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { heartstopper } from '../support/packs';
import { axeViolations } from './axe';
import { panel, panelEpisode, panelFrame, useExtension, watch } from './support';

const env = useExtension();

async function openOptions(width = 1000): Promise<Page> {
  const page = await env.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
  await page.locator('table').waitFor();
  return page;
}
const file = (name: string, value: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(value)),
});

describe('the options page', () => {
  it('is accessible as a full page and at 400 px', async () => {
    for (const width of [1000, 400]) {
      const page = await openOptions(width);
      expect(await axeViolations(page)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.close();
    }
  });

  it('applies a setting to an open watch page at once', async () => {
    const watchPage = await env.newPage();
    await watch(watchPage, 1, 2);
    await expect.poll(() => panelEpisode(watchPage)).toBe('S1 · E2 Crush');
    const side = async () => (await panelFrame(watchPage)).evaluate(() => document.getElementById('app')?.className);
    expect(await side()).not.toContain('bs-root--left');
    const options = await openOptions();
    await options.getByLabel('Left').check();
    await expect.poll(side).toContain('bs-root--left');
    await options.getByLabel('Show where the episode comes from in the comics').uncheck();
    await expect.poll(() => panel(watchPage).locator('#bs-comic-heading').count()).toBe(0);
    await options.getByLabel('Heartstopper: comics read').selectOption('2');
    await expect.poll(() => panel(watchPage).locator('.bs-spoilers__label').textContent()).toContain('read to Volume 2');
    await options.getByLabel('Right').check();
    await options.getByLabel('Show where the episode comes from in the comics').check();
    await options.close();
    await watchPage.close();
  });

  it('refuses a broken pack with every error and its path, and changes nothing', async () => {
    const page = await openOptions();
    const before = await page.locator('table tbody').textContent();
    const broken = heartstopper();
    (broken.episodes[0] as unknown as { season: string }).season = 'one';
    broken.notes[0]?.sources.push('NOPE');
    broken.version = '9.9.9';
    await page
      .locator('label', { hasText: 'Add a show from a file' })
      .locator('input')
      .setInputFiles(file('broken.pack.json', broken));
    const message = page.getByTestId('data-message');
    await expect.poll(() => message.textContent()).toContain('Nothing was changed.');
    expect(await message.locator('code').allTextContents()).toContain('episodes.0.season');
    await page
      .locator('label', { hasText: 'Add a show from a file' })
      .locator('input')
      .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{not json') });
    await expect.poll(() => message.textContent()).toContain('not valid JSON');
    expect(await page.locator('table tbody').textContent()).toBe(before);
    await page.close();
  });

  it('exports the user data and imports it back unchanged', async () => {
    const page = await openOptions();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export my data' }).click();
    const first = JSON.parse(await readFile((await (await download).path()) ?? '', 'utf8'));
    expect(first.format).toBe('backstory-user-data');
    expect(first.progress.length + first.learned.length).toBeGreaterThan(0);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Reset progress' }).click();
    await expect.poll(() => page.getByTestId('data-message').textContent()).toContain('Progress was reset.');
    await page.locator('label', { hasText: 'Import my data' }).locator('input').setInputFiles(file('mine.json', first));
    await expect.poll(() => page.getByTestId('data-message').textContent()).toContain('Imported');
    const again = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export my data' }).click();
    const second = JSON.parse(await readFile((await (await again).path()) ?? '', 'utf8'));
    expect({ ...second, exportedAt: 0 }).toEqual({ ...first, exportedAt: 0 });
    await page.close();
  });

  it('keeps reading progress in the synced settings, and takes one that arrives from another browser', async () => {
    const options = await openOptions();
    await options.getByLabel('Heartstopper: comics read').selectOption('3');
    type Sync = { get(k: string): Promise<Record<string, { value?: number } | undefined>>; set(v: object): Promise<void> };
    const synced = () =>
      options.evaluate(async () => {
        const sync = (globalThis as unknown as { chrome: { storage: { sync: Sync } } }).chrome.storage.sync;
        return (await sync.get('readVolume:heartstopper'))['readVolume:heartstopper']?.value;
      });
    await expect.poll(synced).toBe(3);
    const watchPage = await env.newPage();
    await watch(watchPage, 1, 2);
    await expect.poll(() => panel(watchPage).locator('.bs-spoilers__label').textContent()).toContain('read to Volume 3');
    // What Chrome sync does when the viewer changes it in another browser, later: its key changes under us.
    await options.evaluate(async () => {
      const sync = (globalThis as unknown as { chrome: { storage: { sync: Sync } } }).chrome.storage.sync;
      await sync.set({ 'readVolume:heartstopper': { value: 5, at: Date.now() + 1000 } });
    });
    await expect.poll(() => panel(watchPage).locator('.bs-spoilers__label').textContent()).toContain('read to Volume 5');
    await options.reload();
    await expect.poll(() => options.getByLabel('Heartstopper: comics read').inputValue()).toBe('5');
    await watchPage.close();
    await options.close();
  });

  it('raised no errors in the pages or the service worker', () => {
    expect(env.pageErrors).toEqual([]);
    expect(env.workerErrors).toEqual([]);
  });
});
