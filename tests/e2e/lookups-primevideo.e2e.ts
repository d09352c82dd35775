// A title without a pack on Prime Video (issue 30), in real Chromium against the imitation Prime Video and the
// imitation TVmaze and Wikidata (tests/harness/provider-imitation.ts), all on loopback. Prime Video's catalog names
// the series by its title only, and reaches Backstory through the page world, where any script could forge it: so
// nothing is asked of a provider until the viewer has allowed lookups *and* confirmed, in the panel's frame, that the
// page's title is what plays; then TVmaze's search by that title, the viewer's pick, Wikidata by TVmaze's id.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { lookupSiteAccess } from '../harness/lookup-access';
import { setSiteOn } from '../harness/site-access';
import { axeViolations } from './axe';
import { openPanel, panel, panelFrame, useExtension } from './support';

const env = useExtension();
const GOT_1 = '0PVFIXTURE0000000000000401';

beforeAll(async () => {
  // Prime Video's hosts are optional: turned on as a viewer does (Site access, then the options page's switch).
  await setSiteOn(env.browser, 'primevideo', true);
});

async function play(page: Page, id: string) {
  await page.goto(`https://www.primevideo.com/detail/${id}/ref=atv_hm_1?ui=old`);
  await page.locator('[data-testid="dp-atf-play-button"]').click();
  await page.locator('#dv-web-player.dv-player-fullscreen video[src]').waitFor({ state: 'attached' });
}

describe('a title without a pack on Prime Video', () => {
  it('is looked up only once the viewer allows lookups and confirms the page’s title, then follows autoplay', async () => {
    const page = await env.newPage();
    await play(page, GOT_1);
    await openPanel(env, page);
    const body = panel(page).locator('.bs-panel__body');
    await expect
      .poll(() => body.textContent(), { timeout: 15_000 })
      .toContain('Backstory has no notes for “Game of Thrones” yet.');
    await panel(page).getByRole('button', { name: 'Look up this title on TVmaze and Wikidata…' }).click();
    await lookupSiteAccess(env.browser, true);
    await panel(page).getByRole('button', { name: 'Look up titles Backstory has no pack for' }).click();

    // Allowed, but only the page named the title: the panel asks, and nothing has been asked of anyone.
    const confirm = panel(page).getByRole('button', { name: 'Yes, look it up' });
    await confirm.waitFor();
    expect(await body.textContent()).toContain('Only the page says this is “Game of Thrones”');
    expect(env.server.providers.requests, 'nothing is asked before the viewer confirms the title').toEqual([]);
    expect(await axeViolations(await panelFrame(page)), 'the confirmation').toEqual([]);

    await confirm.click();
    // A title alone makes no clear winner: the viewer picks the show.
    await panel(page).getByRole('heading', { name: 'Which show is this?' }).waitFor();
    await panel(page)
      .getByRole('button', { name: /^Game of Thrones/ })
      .click();
    const cast = panel(page).locator('.bs-cast-list');
    await expect.poll(() => cast.textContent(), { timeout: 10_000 }).toContain('Tyrion Lannister · Peter Dinklage');
    expect(await panel(page).getByRole('link', { name: 'A Song of Ice and Fire' }).count()).toBe(1);
    const asked = env.server.providers.requests;
    expect(asked.some((r) => r.startsWith('api.tvmaze.com/search/shows?q=Game%20of%20Thrones'))).toBe(true);
    // Wikidata by TVmaze's id: Prime Video's ids are never sent (no Wikidata property holds them).
    expect(asked.filter((r) => r.startsWith('query.wikidata.org/')).every((r) => r.includes('P8600'))).toBe(true);

    // The next episode plays in the same <video>: the same title, no second confirmation.
    await page.evaluate(() => {
      const v = document.querySelector<HTMLVideoElement>('#dv-web-player video');
      if (v) v.currentTime = v.duration - 4;
    });
    await page.locator('.atvwebplayersdk-nextupcard-button').click();
    await expect
      .poll(() => page.locator('.atvwebplayersdk-subtitle-text').textContent(), { timeout: 15_000 })
      .toContain('Kingsroad');
    await expect.poll(() => cast.textContent(), { timeout: 15_000 }).toContain('Tyrion Lannister · Peter Dinklage');
    expect(await confirm.count()).toBe(0);
    expect(await panel(page).locator('.bs-episode').count()).toBe(0);
    await page.close();
  });
});
