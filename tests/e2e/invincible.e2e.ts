// Invincible has no Netflix id (it is on Prime Video, which Backstory does not read yet): in real Chromium the
// popup finds it by title, its cast by actor and by character, and at the premiere it says nothing of the first
// season's finale (Omni-Man's betrayal, the Viltrumites' conquests) or of the first episode's own ending.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { activeOption, openPopup as openPopupOf, useExtension } from './support';

const env = useExtension();

/** Words of the twists a first-time viewer must not meet at the premiere. */
const FINALE = [/viltrum/i, /conque/i, /empire/i, /annex/i, /betray/i, /murder/i, /killed/i, /massacre/i, /sent to/i];

const openPopup = () => openPopupOf(env);
const options = (page: Page) => page.locator('[role="option"]').allTextContents();

async function openResult(page: Page, query: string, title: string) {
  if (await page.locator('.bs-detail').count()) {
    await page.keyboard.press('Escape');
    await page.locator('.bs-detail').waitFor({ state: 'detached' });
  }
  await page.locator('#bs-search').fill(query);
  await expect.poll(() => activeOption(page)).toBe(title);
  await page.keyboard.press('Enter');
  await page.locator('.bs-detail').waitFor();
  return (await page.locator('.bs-detail').textContent()) ?? '';
}

describe('Invincible in the popup', () => {
  it('finds the cast by actor and by character', async () => {
    const page = await openPopup();
    await page.locator('#bs-search').fill('steven yeun');
    await expect.poll(() => options(page)).toContain('Mark GraysonSteven Yeun · Invincible');
    await page.locator('#bs-search').fill('omni-man');
    await expect.poll(() => activeOption(page)).toBe('Nolan Grayson');
    await page.locator('#bs-search').fill('sandra oh');
    await expect.poll(() => options(page)).toContain('Debbie GraysonSandra Oh · Invincible');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows the first episode’s context with no word of the finale', async () => {
    const page = await openPopup();
    const episode = await openResult(page, "it's about time", "It's About Time");
    await expect.poll(() => page.locator('#bs-detail-title').textContent()).toBe("S1 · E1 · It's About Time");
    expect(episode).toContain('Omni-Man');
    const nolan = await openResult(page, 'j k simmons', 'Nolan Grayson');
    expect(nolan).toContain('Played by J. K. Simmons');
    expect(nolan).toContain("Earth's mightiest hero");
    for (const text of [episode, nolan, (await page.locator('body').textContent()) ?? ''])
      for (const word of FINALE) expect(text).not.toMatch(word);
    await page.close();
  });

  it('lists the Atom Eve special as a special, with no episode number of its own', async () => {
    const page = await openPopup();
    await page.locator('#bs-search').fill('invincible atom eve');
    await expect.poll(() => options(page)).toContain('Invincible: Atom EveInvincible SP · special episode');
    await page.close();
  });
});
