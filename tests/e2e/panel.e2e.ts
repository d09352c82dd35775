// The side panel in real Chromium (an extension page in a frame beside the player): content, spoiler guard, reveal,
// fullscreen, toggling, keys, corrections, a11y.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { HANDLE, PANEL, PANEL_FRAME, panel, panelEpisode, panelFrame, useExtension, watch } from './support';

const env = useExtension();

type Fixture = { __fixture: { state: { keysSeen: string[] } } };
/** The little of the extension API the tests call inside the service worker. */
type ChromeApi = {
  tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
  runtime: { getManifest(): { commands?: Record<string, { suggested_key?: unknown }> } };
};
/** Everything in the panel's frame, as markup. */
const panelHtml = async (page: Page) => (await panelFrame(page)).evaluate(() => document.body.innerHTML);
/** The stable hook of the panel frame's parent (the imitation, like Netflix, adds hashed ltr-* classes). */
const hostParent = (page: Page) =>
  page.evaluate(() => document.querySelector('iframe[data-backstory]')?.parentElement?.getAttribute('data-uia') ?? '');

async function expandAll(page: Page) {
  const toggles = panel(page).locator('.bs-cast__toggle[aria-expanded="false"]');
  while ((await toggles.count()) > 0) await toggles.first().click();
}

describe('the panel', () => {
  it('shows each episode with its cast and its place in the comics', async () => {
    const page = await env.newPage();
    await watch(page, 1, 1);
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E1 Meet');
    const comic = panel(page).locator('.bs-comic').first();
    expect(await comic.textContent()).toContain('Heartstopper Volume 1, chapter 1 “Meet”');
    expect(await panel(page).locator('.bs-cast__character').first().textContent()).toBe('Charlie Spring');
    await watch(page, 2, 1);
    await expect.poll(() => panelEpisode(page)).toBe('S2 · E1 Out');
    expect(await panel(page).locator('.bs-comic-list').textContent()).toContain('Heartstopper Volume 3');
    // Sahar is in season 2, but our sources do not put her in its first episode: one click away, under "Also this
    // season".
    expect(await panel(page).locator('.bs-cast__character').allTextContents()).not.toContain('Sahar Zahid');
    await panel(page).locator('.bs-more').click();
    expect(await panel(page).locator('.bs-cast__character').allTextContents()).toContain('Sahar Zahid');
    await page.close();
  });

  it('keeps later facts out of the page entirely while season 1 plays', async () => {
    const page = await env.newPage();
    await watch(page, 1, 2);
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E2 Crush');
    await expandAll(page);
    const html = await panelHtml(page);
    for (const later of ['non-binary', 'eating disorder', 'Geoff', 'Michael Holden', 'Lambert', 'asexual', 'become boyfriends'])
      expect(html, later).not.toContain(later);
    expect(await panel(page).locator('.bs-placeholder').count()).toBeGreaterThan(5);
    await page.close();
  });

  it('reveals a single hidden item on request', async () => {
    const page = await env.newPage();
    await watch(page, 1, 1);
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E1 Meet');
    // Darcy is in season 1 but not in its first episode: under "Also this season".
    await panel(page).locator('.bs-more').click();
    await panel(page).locator('.bs-cast__toggle', { hasText: 'Darcy Olsson' }).click();
    const before = await panelHtml(page);
    await panel(page).locator('.bs-cast__details .bs-placeholder button').first().click();
    await expect.poll(() => panel(page).locator('.bs-revealed').count()).toBe(1);
    const added = (await panelHtml(page)).length - before.length;
    expect(added).toBeGreaterThan(0);
    // It says how far ahead it lies, and goes away again on request.
    expect(await panel(page).locator('.bs-revealed .bs-spoiler-tag').textContent()).toMatch(/^Spoiler · from S\d+ · E\d+/);
    await panel(page)
      .getByRole('button', { name: /^Hide this spoiler again/ })
      .click();
    await expect.poll(() => panel(page).locator('.bs-revealed').count()).toBe(0);
    await page.close();
  });

  it('moves into the fullscreen element and back out', async () => {
    const page = await env.newPage();
    await watch(page, 1, 3);
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E3 Kiss');
    expect(await hostParent(page)).toBe('watch-video');
    // Netflix fullscreens its .watch-video root [S13], which holds the panel.
    await page.mouse.move(300, 300);
    await page.click('[data-uia="control-fullscreen-enter"]');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('data-uia') ?? '')).toBe('watch-video');
    expect(await hostParent(page)).toBe('watch-video');
    await expect.poll(() => panel(page).locator(PANEL).isVisible()).toBe(true);
    await page.evaluate(() => document.exitFullscreen());
    // Should a release fullscreen an inner element instead, the panel follows it there and back.
    await page.evaluate(() => document.querySelector('[data-uia="player"]')?.requestFullscreen());
    await expect.poll(() => hostParent(page)).toBe('player');
    await expect.poll(() => panel(page).locator(PANEL).isVisible()).toBe(true);
    await page.evaluate(() => document.exitFullscreen());
    await expect.poll(() => hostParent(page)).toBe('watch-video');
    await page.close();
  });

  it('collapses and expands by its handle and by the shortcut command', async () => {
    const page = await env.newPage();
    await watch(page, 1, 4);
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E4 Secret');
    await page.mouse.move(300, 300);
    await panel(page).locator('[aria-label^="Hide the Backstory panel"]').click();
    await expect.poll(() => panel(page).locator(HANDLE).count()).toBe(1);
    expect(await panel(page).locator(PANEL).count()).toBe(0);
    // The handle comes with Netflix's controls.
    await page.mouse.move(320, 300);
    await panel(page).locator(HANDLE).click();
    await expect.poll(() => panel(page).locator(PANEL).count()).toBe(1);
    // Headless Chromium does not route synthetic key presses to extension commands, so the test sends what
    // the background's onCommand handler sends for the "toggle-panel" command.
    const toggle = () =>
      env.browser.serviceWorker.evaluate(async () => {
        const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
        const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
        if (tab?.id !== undefined) await c.tabs.sendMessage(tab.id, { backstoryPanelAction: { action: 'toggle' } });
      });
    await page.bringToFront();
    await toggle();
    await expect.poll(() => panel(page).locator(PANEL).count()).toBe(0);
    await toggle();
    await expect.poll(() => panel(page).locator(PANEL).count()).toBe(1);
    const manifest = await env.browser.serviceWorker.evaluate(() =>
      (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.getManifest(),
    );
    expect(manifest.commands?.['toggle-panel']?.suggested_key).toEqual({ default: 'Alt+Shift+K' });
    await page.close();
  });

  it('keeps keys typed in the panel away from the player, and clicks from pausing it', async () => {
    const page = await env.newPage();
    await watch(page, 1, 1);
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E1 Meet');
    await panel(page).locator('.bs-spoilers summary').click();
    await panel(page).locator('#bs-read').focus();
    await page.keyboard.press('f');
    await page.keyboard.press(' ');
    await page.keyboard.press('ArrowDown');
    const state = () => page.evaluate(() => (window as unknown as Fixture).__fixture.state);
    expect((await state()).keysSeen).toEqual([]);
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    // The same key outside the panel does reach the player, so the check above can fail.
    await page.locator('body').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('k');
    expect((await state()).keysSeen).toEqual(['k']);
    await page.close();
  });

  it('lets the viewer correct the episode, and remembers it', async () => {
    const page = await env.newPage();
    await watch(page, 1, 6);
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E6 Girls');
    await panel(page).locator('button', { hasText: 'Not this episode?' }).click();
    await panel(page).locator('#bs-episode-choice').selectOption('s1e7');
    await panel(page).locator('button', { hasText: 'Use this episode' }).click();
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E7 Bully');
    await page.reload();
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E7 Bully');
    await page.close();
  });

  it('passes axe-core checks at 1280×720 and 1920×1080', async () => {
    const page = await env.newPage();
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      await watch(page, 1, 3);
      await expect.poll(() => panelEpisode(page)).toBe('S1 · E3 Kiss');
      await panel(page).locator('.bs-cast__toggle').first().click();
      await panel(page).locator('.bs-spoilers summary').click();
      expect(await axeViolations(await panelFrame(page))).toEqual([]);
    }
    await page.close();
  });

  it('does not keep the player controls awake while the pointer is over the panel', async () => {
    const page = await env.newPage();
    await watch(page, 1, 2, '?controlsTimeout=800');
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E2 Crush');
    const box = await panel(page).locator(PANEL).boundingBox();
    if (!box) throw new Error('no panel');
    // Wake the controls over the picture (the panel comes with them), then keep moving over the panel for longer
    // than the player's inactivity timeout.
    await page.mouse.move(200, 300);
    await page.waitForTimeout(300);
    for (let i = 0; i < 12; i++) {
      await page.mouse.move(box.x + 40 + (i % 2) * 20, box.y + 120 + i * 5);
      await page.waitForTimeout(120);
    }
    expect(await page.locator('[data-uia="controls-standard"]').count()).toBe(0);
    // The panel in use stays, though the controls went.
    expect(await page.locator(PANEL_FRAME).evaluate((f) => !f.hasAttribute('inert') && getComputedStyle(f).opacity)).toBe('1');
    // Moving over the picture wakes them, so the check above can fail.
    await page.mouse.move(200, 300);
    await expect.poll(() => page.locator('[data-uia="controls-standard"]').count()).toBe(1);
    await page.close();
  });

  it('never covers the player controls', async () => {
    const page = await env.newPage();
    await watch(page, 1, 1);
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E1 Meet');
    await page.mouse.move(200, 200);
    const box = await panel(page).locator(PANEL).boundingBox();
    const controls = await page.locator('[data-uia="controls-standard"]').boundingBox();
    expect(box && controls && box.y + box.height).toBeLessThanOrEqual((controls?.y ?? 0) + 1);
    await page.close();
  });

  it('stops above Skip Intro and the subtitles when they share its column, at TV and small sizes', async () => {
    const page = await env.newPage();
    for (const [size, obstacle] of [
      [{ width: 1920, height: 1080 }, '[data-uia="player-skip-intro"]'],
      [{ width: 1024, height: 700 }, '.player-timedtext-text-container'],
    ] as const) {
      await page.setViewportSize(size);
      await watch(page, 1, 1, '?cues=fixed');
      await expect.poll(() => panelEpisode(page)).toBe('S1 · E1 Meet');
      await panel(page).locator('.bs-cast__toggle').first().click();
      const frame = page.locator(PANEL_FRAME);
      const target = await page.locator(obstacle).boundingBox();
      if (!target) throw new Error(`no ${obstacle}`);
      await expect
        .poll(async () => {
          const box = await frame.boundingBox();
          return box ? box.y + box.height : Number.POSITIVE_INFINITY;
        })
        .toBeLessThanOrEqual(target.y);
      // It does share the column: without keeping clear, the panel would reach over it.
      const box = await frame.boundingBox();
      expect(box && box.x < target.x + target.width && box.x + box.width > target.x).toBe(true);
    }
    await page.close();
  });

  it('raised no errors in the pages or the service worker', () => {
    expect(env.pageErrors).toEqual([]);
    expect(env.workerErrors).toEqual([]);
  });
});
