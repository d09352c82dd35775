// A title without a pack (issue 17), in real Chromium against the imitation Netflix and imitation TVmaze and
// Wikidata (tests/harness/provider-imitation.ts), all on loopback: nothing is asked before the viewer allows it,
// the cast and "based on" appear once allowed, a reload is served from the cache with the imitations cut off, and
// turning lookups off gives the permission back, clears on request, and asks nothing more.
//
// Headless Chromium cannot show the permission prompt, so the test grants the hosts through the browser's own
// extension settings page (tests/harness/lookup-access.ts); the panel's request is then answered without a prompt.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { lookupSiteAccess, lookupsAllowed } from '../harness/lookup-access';
import { axeViolations } from './axe';
import { openPanel, panel, panelFrame, useExtension } from './support';

const env = useExtension();
const TITLE = 'https://www.netflix.com/watch/90009903';
const OFFER = 'Look up titles Backstory has no pack for';
const MORE = 'Look up this title on TVmaze and Wikidata…';

const allowed = () => lookupsAllowed(env.browser);

async function openTitle(page: Page) {
  await page.goto(TITLE);
  await openPanel(env, page);
}

describe('a title without a pack', () => {
  it('asks nothing before consent, then shows the cast and what it is based on, credited and not curated', async () => {
    const page = await env.newPage();
    await openTitle(page);
    const body = panel(page).locator('.bs-panel__body');
    await expect.poll(() => body.textContent()).toContain('Backstory has no notes for “Game of Thrones” yet.');
    await panel(page).getByRole('button', { name: MORE }).click();
    await panel(page).getByRole('button', { name: OFFER }).waitFor();
    expect(await body.textContent()).toContain('English name');
    expect(await axeViolations(await panelFrame(page)), 'the offer').toEqual([]);
    expect(env.server.providers.requests, 'nothing is asked before the viewer allows it').toEqual([]);
    expect(await allowed()).toBe(false);

    await lookupSiteAccess(env.browser, true);
    await panel(page).getByRole('button', { name: OFFER }).click();
    const cast = panel(page).locator('.bs-cast-list');
    await expect.poll(() => cast.textContent(), { timeout: 10_000 }).toContain('Tyrion Lannister · Peter Dinklage');
    expect(await body.textContent()).toContain('Not curated');
    const work = panel(page).getByRole('link', { name: 'A Song of Ice and Fire' });
    expect(await work.getAttribute('href')).toBe('https://www.wikidata.org/wiki/Q45875');
    expect(await panel(page).getByRole('link', { name: 'TVmaze' }).getAttribute('href')).toBe(
      'https://www.tvmaze.com/shows/82/game-of-thrones',
    );
    expect(await panel(page).getByRole('link', { name: 'CC BY-SA 4.0' }).count()).toBe(1);
    // The imitation's episode list holds only specials: the panel says it shows the show's cast alone.
    expect(await body.textContent()).toContain('only the show’s cast is shown');
    const asked = env.server.providers.requests;
    expect(asked.some((r) => r.startsWith('query.wikidata.org/sparql?'))).toBe(true);
    expect(asked.some((r) => r.startsWith('api.tvmaze.com/shows/82?'))).toBe(true);
    expect(await axeViolations(await panelFrame(page))).toEqual([]);
    await page.close();
  });

  it('lets the popup find what was fetched, labelled by its source, and opens it there', async () => {
    const popup = await env.newPage();
    await popup.goto(`chrome-extension://${env.browser.extensionId}/popup.html`);
    await popup.locator('#bs-search').fill('tyrion');
    const option = popup.locator('[role="option"]', { hasText: 'Tyrion Lannister' });
    await expect.poll(() => option.textContent()).toContain('Peter Dinklage · from TVmaze, not curated');
    await popup.locator('#bs-search').fill('song of ice');
    const work = popup.locator('[role="option"]', { hasText: 'A Song of Ice and Fire' });
    await expect.poll(() => work.textContent()).toContain('from Wikidata, not curated');
    expect(await axeViolations(popup), 'looked-up results').toEqual([]);
    // Opened at its source: the tab's own request is stopped here, so that it is not counted as the extension's.
    await env.browser.context.route('https://www.wikidata.org/wiki/**', (route) => route.abort());
    const opened = env.browser.context.waitForEvent('page');
    await work.click();
    const tab = await opened;
    await expect.poll(() => tab.url()).toBe('https://www.wikidata.org/wiki/Q45875');
    await tab.close();
    await env.browser.context.unroute('https://www.wikidata.org/wiki/**');
    await popup.close();
  });

  it('serves a reload from the cache with the imitation APIs cut off', async () => {
    env.server.providers.setOnline(false);
    const before = env.server.providers.requests.length;
    const page = await env.newPage();
    await openTitle(page);
    const cast = panel(page).locator('.bs-cast-list');
    await expect.poll(() => cast.textContent(), { timeout: 10_000 }).toContain('Tyrion Lannister · Peter Dinklage');
    await panel(page).getByRole('link', { name: 'A Song of Ice and Fire' }).waitFor();
    expect(env.server.providers.requests.length, 'a cached title is not asked again').toBe(before);
    env.server.providers.setOnline(true);
    await page.close();
  });

  it('gives the permission back when turned off, offers to clear, and asks nothing after', async () => {
    const options = await env.newPage();
    await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    const toggle = options.getByRole('checkbox', { name: OFFER });
    await expect.poll(() => toggle.isChecked()).toBe(true);
    expect(await options.getByText('Backstory holds what it fetched for 1 title.').count()).toBe(1);
    await toggle.click();
    await options.getByText('Lookups are off. Clear what was fetched too?').waitFor();
    expect(await allowed()).toBe(false);
    await options.getByRole('button', { name: 'Clear what was fetched' }).click();
    await options.getByText('What was fetched was cleared.').waitFor();
    await options.close();

    const before = env.server.providers.requests.length;
    const page = await env.newPage();
    await openTitle(page);
    await panel(page).getByRole('button', { name: MORE }).waitFor();
    expect(await panel(page).locator('.bs-cast-list').count()).toBe(0);
    expect(env.server.providers.requests.length, 'nothing is asked once lookups are off').toBe(before);
    await page.close();
  });
});
