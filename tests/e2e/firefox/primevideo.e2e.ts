// Prime Video's core scenarios in a real Firefox (the MV2 build, its page-world hook injected as inline text): the
// episode on both player arms, autoplay in the same <video> with the URL unchanged, an ad waited out, the panel kept
// out of the player. The Chromium suite (tests/e2e/primevideo.e2e.ts) covers the rest.
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxWithExtension, launchFirefoxWithExtension } from '../../harness/firefox';
import { type FixtureServer, startFixtureServer } from '../../harness/fixture-server';
import { panelFrame, poll } from './support';

/** Longer than the Netflix suite's wait: an ad or the stale title after autoplay comes first. */
const AD_AWARE_WAIT = 20_000;

let server: FixtureServer;
let firefox: FirefoxWithExtension;
const EP1 = '0PVFIXTURE0000000000000101';

beforeAll(async () => {
  server = await startFixtureServer();
  firefox = await launchFirefoxWithExtension({ port: server.port });
  await turnOnPrimeVideo();
});

/** The tab whose own location ends with `path` (BiDi reports an extension page's address as about:blank). */
const tabAt = (path: string) =>
  poll(
    async () => {
      for (const candidate of await firefox.browser.pages())
        if ((await candidate.evaluate(() => location.href).catch(() => '')).endsWith(path)) return candidate;
      return undefined;
    },
    (page) => page !== undefined,
  );

/**
 * Prime Video's hosts are optional (lib/sites/site-access.ts): turned on as a viewer does, with the options page's
 * switch (Firefox grants without a prompt here: tests/harness/firefox.ts). The options page is opened from the
 * Netflix panel's frame, as the Netflix suite does. Waits until the background registered the content script.
 */
async function turnOnPrimeVideo(): Promise<void> {
  const host = await firefox.browser.newPage();
  await host.goto('https://www.netflix.com/watch/90000101');
  await (await panelFrame(host)).evaluate(() => void window.open('/options.html#sites'));
  const options = await tabAt('/options.html#sites');
  await host.close();
  if (!options) throw new Error('the options page did not open');
  const toggle = '#sites input[type="checkbox"]';
  await options.waitForSelector(`${toggle}:not([disabled])`);
  expect(await options.$eval(toggle, (e) => (e as HTMLInputElement).checked)).toBe(false);
  await options.click(toggle);
  expect(await poll(() => options.$eval(toggle, (e) => (e as HTMLInputElement).checked), Boolean)).toBe(true);
  const registered = () =>
    options.evaluate(async () => {
      const b = (
        globalThis as unknown as { browser: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } } }
      ).browser;
      return (await b.scripting.getRegisteredContentScripts()).map((s) => s.id);
    });
  expect(await poll(registered, (ids) => ids.includes('site-primevideo'))).toContain('site-primevideo');
  await options.close();
}
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

async function play(query: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.goto(`https://www.primevideo.com/detail/${EP1}/ref=atv_hm_1?${query}`);
  await page.waitForSelector('[data-testid="dp-atf-play-button"]');
  await page.$eval('[data-testid="dp-atf-play-button"]', (e) => (e as HTMLElement).click());
  return page;
}

const episode = (frame: Frame) => frame.$eval('.bs-episode', (e) => e.textContent?.trim() ?? '');

describe('Prime Video in Firefox', () => {
  for (const ui of ['old', 'new'])
    it(`identifies the episode on the ${ui} arm, then the next in the same <video>, the URL unchanged`, async () => {
      const page = await play(`ui=${ui}`);
      const frame = await panelFrame(page);
      expect(
        await poll(
          () => episode(frame),
          (t) => t === 'S1 · E1 Meet',
          AD_AWARE_WAIT,
        ),
      ).toBe('S1 · E1 Meet');
      const url = page.url();
      expect(await page.$eval('iframe[data-backstory]', (f) => !!f.closest('#dv-web-player'))).toBe(false);
      await page.$eval('#dv-web-player video', (v) => {
        const video = v as HTMLVideoElement;
        video.currentTime = video.duration - 4;
      });
      await page.waitForSelector('.atvwebplayersdk-nextupcard-button');
      await page.$eval('.atvwebplayersdk-nextupcard-button', (e) => (e as HTMLElement).click());
      expect(
        await poll(
          () => episode(frame),
          (t) => t === 'S1 · E2 Crush',
          AD_AWARE_WAIT,
        ),
      ).toBe('S1 · E2 Crush');
      expect(page.url()).toBe(url);
      await page.close();
    });

  it('waits out an ad, then identifies the episode', async () => {
    const page = await play('ui=old&ads=1');
    await page.waitForSelector('.atvwebplayersdk-ad-timer-remaining-time');
    const frame = await panelFrame(page);
    expect(await frame.$('.bs-episode')).toBeNull();
    expect(
      await poll(
        () => episode(frame),
        (t) => t === 'S1 · E1 Meet',
        AD_AWARE_WAIT,
      ),
    ).toBe('S1 · E1 Meet');
    expect(await page.$('.atvwebplayersdk-ad-timer-remaining-time')).toBeNull();
    await page.close();
  });

  it('sent nothing anywhere but the imitation', () => {
    // Firefox's own services (remote settings) are refused by the proxy too: they are the browser's, not ours.
    expect(firefox.proxy.refused.filter((host) => !/\.mozilla\.(com|net|org):443$/.test(host))).toEqual([]);
  });
});
