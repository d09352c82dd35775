// The extension in a real Firefox (Debian's ESR, driven over WebDriver BiDi by puppeteer-core): the Firefox build
// (MV2, an event page instead of a service worker, the page-world reader injected as inline text) identifies
// episodes on the imitation Netflix and shows its panel in a frame, which the viewer can close and open again.
// What Firefox does differently is named where the code handles it (README, "Browsers").
// FIREFOX: WebDriver BiDi refuses to navigate a tab to a moz-extension:// page ("unsupported operation", measured on
// ESR 153). So the popup and the options page are opened the way an extension page may open another: from the
// panel's frame (reached through its element), with window.open; BiDi then drives the new tab (it reports its
// address as about:blank, so it is found by what its own location says).
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxWithExtension, launchFirefoxWithExtension } from '../../harness/firefox';
import { type FixtureServer, startFixtureServer } from '../../harness/fixture-server';
import { panelFrame, poll } from './support';

let server: FixtureServer;
let firefox: FirefoxWithExtension;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startFixtureServer();
  firefox = await launchFirefoxWithExtension({ port: server.port });
  console.info(`Firefox suite on ${firefox.version}`);
});
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

async function watch(path: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto(`https://www.netflix.com${path}`);
  return page;
}

/**
 * FIREFOX: ESR 140's WebDriver BiDi cannot locate an element inside a frame for a pointer click (it lacks the
 * "context" locator puppeteer uses; ESR 153 has it), so the panel's buttons are clicked from inside its frame.
 */
const clickIn = (frame: Frame, selector: string) => frame.$eval(selector, (e) => (e as HTMLElement).click());
/** Clicks the frame's button labelled `label`, once there is one; false if none came. */
const clickButton = async (frame: Frame, label: string) =>
  (await poll(
    () =>
      frame.evaluate((l) => {
        const found = [...document.querySelectorAll('button')].find((e) => e.textContent?.trim() === l);
        found?.click();
        return !!found;
      }, label),
    Boolean,
  )) === true;
const text = (frame: Frame | Page, selector: string) => frame.$eval(selector, (e) => e.textContent?.trim() ?? '');

/** The tab whose own location ends with `path` (BiDi reports an extension page's address as about:blank). */
function tabAt(path: string): Promise<Page | undefined> {
  return poll(
    async () => {
      for (const candidate of await firefox.browser.pages())
        if ((await candidate.evaluate(() => location.href).catch(() => '')).endsWith(path)) return candidate;
      return undefined;
    },
    (page) => page !== undefined,
  );
}

/** Opens one of the extension's pages ("/popup.html") in a tab of its own, from a panel frame. */
async function openExtensionPage(path: string): Promise<Page> {
  const host = await watch('/watch/90000101');
  const frame = await panelFrame(host);
  await frame.evaluate((p) => void window.open(p), path);
  const found = await tabAt(path);
  await host.close();
  if (!found) throw new Error(`${path} did not open`);
  found.on('pageerror', (error) => pageErrors.push(String(error)));
  return found;
}

describe('Backstory in Firefox', () => {
  it('identifies the episode on the imitation Netflix and shows it in the panel’s frame', async () => {
    const page = await watch('/watch/90000103');
    const frame = await panelFrame(page);
    expect(
      await poll(
        () => text(frame, '.bs-episode'),
        (t) => t === 'S1 · E3 Kiss',
      ),
    ).toBe('S1 · E3 Kiss');
    expect(await text(frame, '#bs-cast-heading')).toBe('In this episode');
    await page.close();
  });

  it('keeps the hidden panel out of the pointer’s and the keyboard’s way: inert, as Chromium does (issue 31)', async () => {
    const page = await watch('/watch/90000101?controlsTimeout=manual');
    const frame = await panelFrame(page);
    await poll(
      () => text(frame, '.bs-episode'),
      (t) => t.length > 0,
    );
    // A question waiting keeps the panel in sight: answered from the frame, as a viewer does.
    await frame.evaluate(async () => {
      if (!document.querySelector('.bs-where')) return;
      const { browser } = window as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      await browser.runtime.sendMessage({ backstory: 1, type: 'placeViewer', data: { showId: 'heartstopper', episodeId: null } });
    });
    await page.evaluate(() => (window as unknown as { __fixture: { hideControls(): void } }).__fixture.hideControls());
    const hidden = () =>
      page.evaluate(() => {
        const element = document.querySelector('iframe[data-backstory]') as HTMLElement;
        const box = element.getBoundingClientRect();
        return {
          inert: element.hasAttribute('inert'),
          opacity: getComputedStyle(element).opacity,
          hit: !!document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.matches('iframe[data-backstory]'),
        };
      });
    expect(await poll(hidden, (h) => h.inert && h.opacity === '0')).toEqual({ inert: true, opacity: '0', hit: false });
    const focused: boolean[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => !!document.activeElement?.matches('iframe[data-backstory]')));
    }
    expect(focused.some(Boolean)).toBe(false);
    await page.close();
  });

  it('asks Netflix’s metadata from the background page, with the viewer’s cookies (review 2)', async () => {
    // No page world and no title block: only Netflix's metadata can name the episode, and the imitation answers only
    // a request carrying the viewer's session cookie. FIREFOX: the MV2 background page's request, for a host the
    // extension holds, goes with that cookie (measured here on Debian's ESR).
    const page = await watch('/watch/90000207?world=none&controls=hidden');
    const frame = await panelFrame(page);
    expect(
      await poll(
        () => text(frame, '.bs-episode'),
        (t) => t.startsWith('S2 · E7'),
      ),
    ).toMatch(/^S2 · E7/);
    await page.close();
  });

  it('reads the player through the page-world script, injected as text under Firefox', async () => {
    const page = await watch('/watch/90000201');
    const frame = await panelFrame(page);
    await poll(
      () => text(frame, '.bs-episode'),
      (t) => t === 'S2 · E1 Out',
    );
    const reply = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          window.addEventListener('backstory:page-state', (e) => resolve((e as CustomEvent).detail), { once: true });
          window.dispatchEvent(new CustomEvent('backstory:page-request', { detail: 'probe' }));
        }),
    );
    expect(JSON.parse(reply)).toMatchObject({ videoId: '90000201', season: 2, episode: 1 });
    await page.close();
  });

  it('shows The Sandman’s S1E5 with the issues it adapts', async () => {
    const page = await watch('/watch/92000105');
    const frame = await panelFrame(page);
    expect(
      await poll(
        () => text(frame, '.bs-episode'),
        (t) => t === 'S1 · E5 24/7',
      ),
    ).toBe('S1 · E5 24/7');
    expect(await text(frame, '.bs-comic-card')).toContain('#6 “24 Hours” and #7 “Sound and Fury”');
    await page.close();
  });

  it('closes and opens again from its own buttons (the frame and the page talk through the background)', async () => {
    const page = await watch('/watch/90000104');
    const frame = await panelFrame(page);
    await poll(
      () => text(frame, '.bs-episode'),
      (t) => t.startsWith('S1 · E4'),
    );
    await clickIn(frame, '.bs-icon-button');
    expect(await poll(() => frame.$eval('.bs-handle', () => true), Boolean)).toBe(true);
    await clickIn(frame, '.bs-handle');
    expect(
      await poll(
        () => text(frame, '.bs-episode'),
        (t) => t.startsWith('S1 · E4'),
      ),
    ).toBe('S1 · E4 Secret');
    await page.close();
  });

  it('takes the viewer’s correction from the panel’s frame itself, read as the tab’s site’s (issue 26)', async () => {
    const page = await watch('/watch/90000106');
    const frame = await panelFrame(page);
    await poll(
      () => text(frame, '.bs-episode'),
      (t) => t === 'S1 · E6 Girls',
    );
    const [open] = await frame.$$('xpath/.//button[contains(., "Not this episode?")]');
    await open?.click();
    await (await frame.waitForSelector('#bs-episode-choice'))?.select('s1e7');
    const [use] = await frame.$$('xpath/.//button[contains(., "Use this episode")]');
    await use?.click();
    expect(
      await poll(
        () => text(frame, '.bs-episode'),
        (t) => t === 'S1 · E7 Bully',
      ),
    ).toBe('S1 · E7 Bully');
    await page.close();
  });

  it('searches from the popup, typo included, and opens a result', async () => {
    const popup = await openExtensionPage('/popup.html');
    await popup.waitForSelector('#bs-search');
    await popup.type('#bs-search', 'olivia colmen');
    const options = await poll(
      () => popup.$$eval('[role="option"]', (els) => els.map((e) => e.textContent ?? '')),
      (list) => list.length > 0,
    );
    expect(options).toEqual(['Sarah NelsonOlivia Colman · Heartstopper']);
    await popup.click('[role="option"]');
    expect(
      await poll(
        () => text(popup, '#bs-detail-title'),
        (t) => t === 'Sarah Nelson',
      ),
    ).toBe('Sarah Nelson');
    await popup.close();
  });

  it('keeps a setting chosen on the options page, in Firefox’s sync storage', async () => {
    const side = 'input[name="mode"][value="side"]';
    const checked = (page: Page) => () => page.$eval(side, (e) => (e as HTMLInputElement).checked);
    const options = await openExtensionPage('/options.html');
    await options.waitForSelector(side);
    await options.click(side);
    expect(await poll(checked(options), Boolean)).toBe(true);
    await options.close();
    // A new options page (BiDi does not reload an extension page either) reads it back from storage.
    const again = await openExtensionPage('/options.html');
    await again.waitForSelector(side);
    expect(await poll(checked(again), Boolean)).toBe(true);
    // Back to the default for the tests after this one.
    await again.click('input[name="mode"][value="overlay"]');
    await again.close();
  });

  it('looks up a title without a pack once turned on in the options page (the framed panel cannot ask)', async () => {
    const page = await watch('/watch/90009903');
    const frame = await panelFrame(page);
    await frame.waitForSelector('.bs-handle');
    await clickIn(frame, '.bs-handle');
    expect(await clickButton(frame, 'Look up this title on TVmaze and Wikidata…')).toBe(true);
    expect(server.providers.requests).toEqual([]);
    expect(await clickButton(frame, 'Look up titles Backstory has no pack for')).toBe(true);
    // FIREFOX: the framed panel has no permissions API: its button opened the options page at the switch.
    const options = await tabAt('/options.html#lookups');
    if (!options) throw new Error('the options page did not open');
    const toggle = '#lookups input[type="checkbox"]';
    await options.waitForSelector(toggle);
    await options.click(toggle);
    expect(await poll(() => options.$eval(toggle, (e) => (e as HTMLInputElement).checked), Boolean)).toBe(true);
    expect(await clickButton(frame, 'Try again')).toBe(true);
    expect(
      await poll(
        () => text(frame, '.bs-cast-list'),
        (t) => t.includes('Tyrion Lannister · Peter Dinklage'),
      ),
    ).toContain('Tyrion Lannister · Peter Dinklage');
    expect(server.providers.requests.some((r) => r.startsWith('api.tvmaze.com/shows/82?'))).toBe(true);
    // Off again, giving the permission back, for the tests after this one.
    await options.click(toggle);
    expect(await poll(() => options.$eval(toggle, (e) => !(e as HTMLInputElement).checked), Boolean)).toBe(true);
    await options.close();
    await page.close();
  });

  it('sent nothing anywhere but the imitation, and threw nothing into the pages', () => {
    // Firefox's own services (remote settings) are refused by the proxy too: they are the browser's, not ours.
    expect(firefox.proxy.refused.filter((host) => !/\.mozilla\.(com|net|org):443$/.test(host))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
