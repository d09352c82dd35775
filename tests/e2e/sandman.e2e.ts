// The second curated show, The Sandman, in real Chromium against the imitation Netflix (SYNTHETIC video ids
// 9200 0000 + season × 100 + episode, catalog.js): issue-level comic context, bonus episodes reached by autoplay,
// the reading axis of the spoiler guard, and a changed character found by the comics' name.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PANEL, panel, panelEpisode, useExtension } from './support';

type Fixture = { __fixture: { autoplayNext(): void } };
const env = useExtension();
const sandmanId = (season: number, episode: number) => 92000000 + season * 100 + episode;

async function watchSandman(page: Page, season: number, episode: number) {
  await page.goto(`https://www.netflix.com/watch/${sandmanId(season, episode)}`);
  await panel(page).locator(PANEL).waitFor({ timeout: 10_000 });
}

/** Sends a message as an extension page (the options page) does. */
async function asExtensionPage(type: string, data: unknown) {
  const page = await env.newPage();
  await page.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
  const reply = await page.evaluate(
    ([t, d]) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({
        backstory: 1,
        type: t,
        data: d,
      }),
    [type, data] as const,
  );
  await page.close();
  return reply;
}

describe('The Sandman', () => {
  it('shows John Dee (David Thewlis) in the first rows on S1E5, with the issues it adapts', async () => {
    const page = await env.newPage();
    await watchSandman(page, 1, 5);
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E5 24/7');
    // The episode's lead is in the first rows of "In this episode" (after Dream, the one central part), with
    // the rest of the season's cast still folded.
    await expect.poll(() => panel(page).locator('#bs-cast-heading').textContent()).toBe('In this episode');
    const rows = panel(page).locator('.bs-cast-list').first().locator('li.bs-cast');
    await expect
      .poll(async () => (await rows.allTextContents()).slice(0, 2))
      .toEqual(['Dream · Tom Sturridge', 'John Dee · David Thewlis']);
    const comic = panel(page).locator('.bs-comic-card');
    expect(await comic.textContent()).toContain('Preludes & Nocturnes, #6 “24 Hours” and #7 “Sound and Fury”');
    await page.close();
  });

  it('follows autoplay into each season’s bonus episode', async () => {
    const page = await env.newPage();
    await watchSandman(page, 1, 10);
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E10 Lost Hearts');
    await page.evaluate(() => (window as unknown as Fixture).__fixture.autoplayNext());
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E11 Dream of a Thousand Cats / Calliope');
    await watchSandman(page, 2, 11);
    await expect.poll(() => panelEpisode(page)).toBe('S2 · E11 A Tale of Graceful Ends');
    await page.evaluate(() => (window as unknown as Fixture).__fixture.autoplayNext());
    await expect.poll(() => panelEpisode(page)).toBe('S2 · E12 Death: The High Cost of Living');
    await page.close();
  });

  it('shows what the comics say up to the volume read, and nothing from later volumes', async () => {
    await asExtensionPage('setReadVolume', { showId: 'the-sandman', volume: 2 });
    const page = await env.newPage();
    await watchSandman(page, 1, 7);
    await expect.poll(() => panelEpisode(page)).toBe("S1 · E7 The Doll's House");
    await panel(page).locator('.bs-more').click();
    await panel(page).locator('.bs-cast__toggle', { hasText: 'Desire' }).click();
    // The Doll's House (volume 2) is read: what it says about Desire is shown.
    await expect
      .poll(() => panel(page).locator('.bs-cast', { hasText: 'Desire' }).textContent())
      .toContain("Desire fathered Unity's child");
    // The Kindly Ones (volume 9) is not: the Corinthian's comics note stays behind its placeholder, out of the page.
    await panel(page).locator('.bs-cast__toggle', { hasText: 'The Corinthian' }).click();
    const corinthian = await panel(page).locator('.bs-cast', { hasText: 'The Corinthian' }).textContent();
    expect(corinthian).toContain('later in the story');
    expect(await panel(page).locator('body').textContent()).not.toContain('looks for Daniel together with Matthew');
    await asExtensionPage('setReadVolume', { showId: 'the-sandman', volume: 0 });
    await page.close();
  });

  it('finds Johanna Constantine by "Constantine", with the change from the comics, only once the horizon allows', async () => {
    const openPopup = async () => {
      const popup = await env.newPage();
      await popup.goto(`chrome-extension://${env.browser.extensionId}/popup.html`);
      await popup.locator('.bs-popup').waitFor();
      await popup.locator('#bs-search').fill('Constantine');
      return popup;
    };
    await asExtensionPage('placeViewer', { showId: 'the-sandman', episodeId: null });
    const before = await openPopup();
    await expect
      .poll(() => before.locator('.bs-hidden-matches').textContent())
      .toContain('1 match hidden by your spoiler guard (season 1)');
    expect(await before.locator('[role="option"]').count()).toBe(0);
    await before.close();

    await asExtensionPage('placeViewer', { showId: 'the-sandman', episodeId: 's1e3' });
    const after = await openPopup();
    await expect
      .poll(() => after.locator('[role="option"]').allTextContents())
      .toEqual(['Johanna ConstantineJenna Coleman · The Sandman']);
    await after.locator('[role="option"]').first().click();
    await expect.poll(() => after.locator('#bs-detail-title').textContent()).toBe('Johanna Constantine');
    expect(await after.locator('.bs-detail').textContent()).toContain('Replaces John Constantine');
    await after.close();
  });
});
