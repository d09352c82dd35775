// Netflix's keys and the panel (issue 25): once the viewer clicked in the panel, Space, K, F and M still do what
// they do on Netflix, Esc hands the keyboard back to the player, and the overlay still fades with Netflix's
// controls during playback, with focus on the player, never nowhere. A panel that appears by itself (auto-open,
// the next episode) stays in sight a few seconds whatever the controls do, and the first-run question until it is
// answered. Against the imitation player, whose state follows its <video> as Netflix's UI does.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PANEL, PANEL_FRAME, panel, panelEpisode, panelFrame, useExtension, watch } from './support';

const env = useExtension();

type Fixture = { __fixture: { state: { paused: boolean; keysSeen: string[] } } };
const fixture = (page: Page) => page.evaluate(() => (window as unknown as Fixture).__fixture.state);
const frameHidden = (page: Page) =>
  page.locator(PANEL_FRAME).evaluate((frame) => frame.hasAttribute('inert') && getComputedStyle(frame).opacity === '0');
/** What has the keyboard in Netflix's page: the panel's frame, the player, or nothing (the body). */
const pageFocus = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return 'nothing';
    if (e.matches('iframe[data-backstory]')) return 'panel';
    return e.closest('[data-uia="player"], .watch-video') ? 'player' : e.tagName;
  });
const question = (page: Page) => panel(page).getByRole('form', { name: /^Where are you in/ });

/** Plays an episode with the panel open and the viewer placed (the first-run question answered "Not now"). */
async function playing(page: Page, episode: number, query = '') {
  await watch(page, 1, episode, query);
  await panel(page).locator('.bs-episode').waitFor();
  await page.mouse.move(300, 300);
  if (await question(page).count()) await panel(page).getByRole('button', { name: 'Not now' }).click();
  await expect.poll(() => question(page).count()).toBe(0);
}

/** Clicks in the panel as a viewer does: the frame then has the keyboard. */
async function clickInPanel(page: Page) {
  await page.mouse.move(300, 300);
  await panel(page).locator('.bs-spoilers summary').click();
  await expect.poll(() => pageFocus(page)).toBe('panel');
}

describe('keys while the panel has focus', () => {
  it('keeps the first-run question in sight until it is answered', async () => {
    const page = await env.newPage();
    // First in this file: nothing is known of this viewer yet. The controls hide at once.
    await watch(page, 1, 3, '?controlsTimeout=1');
    await question(page).waitFor();
    expect(await panel(page).locator(PANEL).count()).toBe(1);
    // Longer than any hold after opening: only the question keeps it.
    await page.waitForTimeout(6000);
    expect(await page.locator('[data-uia="controls-standard"]').count()).toBe(0);
    expect(await frameHidden(page)).toBe(false);
    await page.mouse.move(300, 300);
    await panel(page).getByRole('button', { name: 'Not now' }).click();
    await page.mouse.move(40, 500, { steps: 8 });
    await expect.poll(() => frameHidden(page), { timeout: 15_000 }).toBe(true);
    await page.close();
  });

  it('Space and K pause and play the video, not the panel, and hand the keyboard back to the player', async () => {
    const page = await env.newPage();
    await playing(page, 1);
    await panel(page).locator('.bs-cast__toggle').first().click();
    await expect.poll(() => panel(page).locator('.bs-cast__toggle').first().getAttribute('aria-expanded')).toBe('true');
    expect((await fixture(page)).paused).toBe(false);
    await page.keyboard.press(' ');
    await expect.poll(async () => (await fixture(page)).paused).toBe(true);
    // The cast row the focus was on did not collapse: Space went to the video.
    expect(await panel(page).locator('.bs-cast__toggle').first().getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => pageFocus(page)).toBe('player');
    // The player has the keyboard now: Netflix's own Space plays again.
    await page.keyboard.press(' ');
    await expect.poll(async () => (await fixture(page)).paused).toBe(false);
    await clickInPanel(page);
    await page.keyboard.press('k');
    await expect.poll(async () => (await fixture(page)).paused).toBe(true);
    await page.close();
  });

  it('F toggles fullscreen', async () => {
    const page = await env.newPage();
    await playing(page, 2);
    await clickInPanel(page);
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => !!document.fullscreenElement)).toBe(true);
    await clickInPanel(page);
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => !!document.fullscreenElement)).toBe(false);
    await page.close();
  });

  it('Esc puts the focus on the player; Tab and Enter still work inside the panel', async () => {
    const page = await env.newPage();
    await playing(page, 3);
    await clickInPanel(page);
    const frame = await panelFrame(page);
    await page.keyboard.press('Tab');
    expect(await frame.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
    await frame.evaluate(() => (document.querySelector('.bs-cast__toggle') as HTMLElement).focus());
    await page.keyboard.press('Enter');
    await expect.poll(() => panel(page).locator('.bs-cast__toggle').first().getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => pageFocus(page)).toBe('player');
    expect((await fixture(page)).paused).toBe(false);
    await page.close();
  });

  it('fades after a click in it once the controls hide, during playback, with the focus on the player', async () => {
    const page = await env.newPage();
    await playing(page, 4, '?controlsTimeout=700');
    await clickInPanel(page);
    // The pointer leaves for the picture; Netflix's controls show, then hide.
    await page.mouse.move(40, 500, { steps: 8 });
    await expect.poll(() => page.locator('[data-uia="controls-standard"]').count()).toBe(0);
    await expect.poll(() => frameHidden(page)).toBe(true);
    expect(await pageFocus(page)).toBe('player');
    expect((await fixture(page)).paused).toBe(false);
    await page.close();
  });
});

describe('a panel that appears by itself', () => {
  it('stays in sight a few seconds after it opened by itself, whatever the controls do, then fades', async () => {
    const page = await env.newPage();
    await playing(page, 5);
    // The next visit: the controls hide at once, before the panel has even painted on a slow machine.
    await watch(page, 1, 6, '?controlsTimeout=1');
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E6 Girls');
    expect(await page.locator('[data-uia="controls-standard"]').count()).toBe(0);
    expect(await frameHidden(page)).toBe(false);
    await expect.poll(() => frameHidden(page), { timeout: 15_000 }).toBe(true);
    // The next episode (autoplay): in sight again.
    await page.evaluate(() => (window as unknown as { __fixture: { autoplayNext(): void } }).__fixture.autoplayNext());
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E7 Bully');
    expect(await frameHidden(page)).toBe(false);
    await page.close();
  });

  it('raised no errors in the pages or the service worker', () => {
    expect(env.pageErrors).toEqual([]);
    expect(env.workerErrors).toEqual([]);
  });
});
