/**
 * `npm run demo`: opens Chromium with the built extension on the imitation Netflix watch page of a Heartstopper
 * episode (`-- --show the-sandman`: of The Sandman; `-- --site primevideo`: on the imitation Prime Video), plus the
 * popup and the options page. www.netflix.com is served from this machine; nothing else is
 * reachable. `npm run demo -- --screenshot <dir>` runs headless and writes PNGs instead.
 * `-- --show invincible`: a show with no Netflix id is shown in the popup's search and detail views (the imitation
 * Prime Video has no Invincible episodes: its pack is matched there by title once one plays).
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import { launchWithExtension } from './browser';
import { startFixtureServer } from './fixture-server';
import { lookupSiteAccess } from './lookup-access';
import { panel, panelFrame, togglePanel } from './panel-frame';
import { setSiteOn } from './site-access';

const args = process.argv.slice(2);
const shotAt = args.indexOf('--screenshot');
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const screenshotDir = shotAt >= 0 ? resolve(args[shotAt + 1] ?? 'screenshots') : hasDisplay ? undefined : resolve('screenshots');
// `--show the-sandman` plays The Sandman's S1E5 instead of Heartstopper's S1E3 (SYNTHETIC ids, catalog.js).
const showAt = args.indexOf('--show');
const SHOW = showAt >= 0 ? args[showAt + 1] : 'heartstopper';
const WATCH_IDS: Record<string, number> = { heartstopper: 90000103, 'the-sandman': 92000105 };
/** Shows with no Netflix id: what the popup searches for, and the result it opens. */
const POPUP_ONLY: Record<string, { search: string; open: string }> = {
  invincible: { search: 'steven yeun', open: 'Mark Grayson' },
};
if (!SHOW || !(WATCH_IDS[SHOW] || POPUP_ONLY[SHOW]))
  throw new Error(`--show: one of ${[...Object.keys(WATCH_IDS), ...Object.keys(POPUP_ONLY)].join(', ')}`);
// `--site primevideo` plays Heartstopper's S1E3 on the imitation Prime Video instead (tests/fixtures/primevideo/:
// the player opens over the detail page, the new player arm; the fixture's SYNTHETIC compact GTI).
const siteAt = args.indexOf('--site');
const SITE = siteAt >= 0 ? args[siteAt + 1] : 'netflix';
if (SITE !== 'netflix' && SITE !== 'primevideo') throw new Error('--site: netflix or primevideo');
if (SITE === 'primevideo' && SHOW !== 'heartstopper') throw new Error('--site primevideo: only --show heartstopper');
const WATCH_URL =
  SITE === 'primevideo'
    ? 'https://www.primevideo.com/detail/0PVFIXTURE0000000000000103/ref=atv_hm_1?autoplay=1&ui=new'
    : `https://www.netflix.com/watch/${WATCH_IDS[SHOW] ?? ''}`;
/** Another site's screenshots are named after it, beside Netflix's. */
const PREFIX = SITE === 'netflix' ? '' : `${SITE}-`;
/** A title without a pack in the imitation catalog (SYNTHETIC id). */
const LOOKUP_URL = 'https://www.netflix.com/watch/90009903';

/** The extension in Chromium, with the demo's site turned on as a viewer does (Prime Video's hosts are optional). */
async function launch(options: Parameters<typeof launchWithExtension>[0]): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension(options);
  if (SITE === 'primevideo') await setSiteOn(browser, 'primevideo', true);
  return browser;
}

/** Opens the watch page with the panel open, answers "Where are you?" (watched up to S1E2) and opens a cast row. */
async function showPanel(page: Page) {
  await page.goto(WATCH_URL);
  await panel(page).locator('.bs-episode').waitFor({ timeout: 15_000 });
  const where = panel(page).getByRole('form', { name: /Where are you/ });
  if (await where.count()) {
    await panel(page).getByLabel('Watched up to').selectOption('s1e2');
    await panel(page).getByRole('button', { name: 'Save' }).click();
    await where.waitFor({ state: 'detached' });
  }
  await panel(page).locator('.bs-cast__toggle').first().click();
  // Clicking scrolled the panel to the card; show it from the top, header first.
  await (await panelFrame(page)).evaluate(() => {
    const body = document.querySelector('.bs-panel__body');
    if (body) body.scrollTop = 0;
  });
}

/** Sets the panel's mode as the options page does, and wakes Netflix's controls as a viewer's mouse would. */
async function inMode(page: Page, mode: 'overlay' | 'side' | 'pinned') {
  await (await panelFrame(page)).evaluate(async (value) => {
    const c = (globalThis as unknown as { chrome: { storage: { sync: { set(items: object): Promise<void> } } } }).chrome;
    await c.storage.sync.set({ 'setting:panelMode': { value, at: Date.now() } });
  }, mode);
  await page.waitForTimeout(400);
  await page.mouse.move(200, 300);
  await page.mouse.move(220, 310);
  await page.waitForTimeout(400);
}

/**
 * A title without a pack (the imitation's Game of Thrones, looked up on the imitation TVmaze and Wikidata): lookups
 * turned on from its panel. Headless, the browser shows no permission prompt, so the hosts are granted first as
 * chrome://extensions would (lookup-access.ts); a viewer in the interactive demo answers the real prompt.
 */
async function showLookup(browser: ExtensionBrowser, page: Page) {
  await lookupSiteAccess(browser, true);
  await page.goto(LOOKUP_URL);
  await panel(page).locator('.bs-handle').waitFor({ state: 'attached', timeout: 15_000 });
  await togglePanel(browser.serviceWorker, page);
  await panel(page).getByRole('button', { name: 'Look up this title on TVmaze and Wikidata…' }).click();
  await panel(page).getByRole('button', { name: 'Look up titles Backstory has no pack for' }).click();
  await panel(page).locator('.bs-cast--plain').first().waitFor({ timeout: 15_000 });
  await page.mouse.move(200, 300);
  await page.waitForTimeout(400);
}

/** The popup of a show with no Netflix id: its search finding the cast, and a cast card opened. */
async function showPopupOnly(browser: ExtensionBrowser, show: { search: string; open: string }, dir?: string) {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.locator('#bs-search').fill(show.search);
  await popup.locator('.bs-option__title', { hasText: show.open }).first().waitFor();
  const written: string[] = [];
  if (dir) {
    await popup.screenshot({ path: `${dir}/popup-${SHOW}-search.png` });
    written.push(`popup-${SHOW}-search.png`);
  }
  await popup.locator('.bs-option__title', { hasText: show.open }).first().click();
  await popup.locator('.bs-detail').waitFor();
  if (dir) {
    await popup.screenshot({ path: `${dir}/popup-${SHOW}-detail.png` });
    written.push(`popup-${SHOW}-detail.png`);
  }
  return { popup, written };
}

async function popupOnlyScreenshots(dir: string, show: { search: string; open: string }) {
  await mkdir(dir, { recursive: true });
  const server = await startFixtureServer();
  try {
    const browser = await launchWithExtension({ port: server.port, viewport: { width: 1280, height: 720 } });
    try {
      const { written } = await showPopupOnly(browser, show, dir);
      console.log(`${SHOW} has no Netflix id, so it is shown in the popup. Wrote ${written.join(', ')} to ${dir}`);
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}

async function screenshots(dir: string) {
  const popupOnly = SHOW ? POPUP_ONLY[SHOW] : undefined;
  if (popupOnly) return popupOnlyScreenshots(dir, popupOnly);
  await mkdir(dir, { recursive: true });
  const server = await startFixtureServer();
  const written: string[] = [];
  try {
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      const browser = await launch({ port: server.port, viewport: { width, height } });
      try {
        const page = await browser.context.newPage();
        await showPanel(page);
        for (const mode of ['overlay', 'side', 'pinned'] as const) {
          await inMode(page, mode);
          const name = `${PREFIX}panel-${mode}-${width}x${height}.png`;
          await page.screenshot({ path: `${dir}/${name}` });
          written.push(name);
        }
        // Overlay mode during playback: the controls have faded, and the panel with them.
        await inMode(page, 'overlay');
        await page.waitForTimeout(3800);
        await page.screenshot({ path: `${dir}/${PREFIX}playing-overlay-${width}x${height}.png` });
        written.push(`${PREFIX}playing-overlay-${width}x${height}.png`);
        if (width === 1280 && SITE === 'netflix') {
          const popup = await browser.context.newPage();
          await popup.setViewportSize({ width: 400, height: 600 });
          await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
          await popup.locator('#bs-search').fill('atwell');
          await popup.locator('.bs-hidden-matches').waitFor();
          await popup.locator('#bs-search').fill('olivia colmen');
          await popup.locator('.bs-option').first().waitFor();
          await popup.screenshot({ path: `${dir}/popup.png` });
          const options = await browser.context.newPage();
          await options.setViewportSize({ width: 1000, height: 1400 });
          await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
          await options.locator('table').waitFor();
          await options.screenshot({ path: `${dir}/options.png`, fullPage: true });
          written.push('popup.png', 'options.png');
          const lookup = await browser.context.newPage();
          await showLookup(browser, lookup);
          await lookup.screenshot({ path: `${dir}/panel-lookup-${width}x${height}.png` });
          written.push(`panel-lookup-${width}x${height}.png`);
        }
      } finally {
        await browser.close();
      }
    }
    console.log(
      [
        `Wrote ${written.length} screenshots to ${dir}:`,
        ...written.map((name) => `  ${name}`),
        `The title without a pack in them is ${LOOKUP_URL} (on the imitation Netflix, served from this machine).`,
        'Run `npm run demo` with a display to use the extension yourself.',
      ].join('\n'),
    );
  } finally {
    await server.close();
  }
}

async function interactive() {
  const server = await startFixtureServer();
  const browser = await launch({ port: server.port, headless: false, viewport: { width: 1280, height: 720 } });
  const stop = async () => {
    await browser.close();
    await server.close();
    process.exit(0);
  };
  const popupOnly = SHOW ? POPUP_ONLY[SHOW] : undefined;
  if (popupOnly) {
    await showPopupOnly(browser, popupOnly);
    console.log(
      [
        `Backstory demo: ${SHOW} has no Netflix id (on Prime Video it is matched by title once an episode plays),`,
        '  so it is shown in the popup: search its cast by actor or character, open a card, an episode or a volume.',
        `  Popup:   chrome-extension://${browser.extensionId}/popup.html`,
        'Close the browser window or press Ctrl+C to stop.',
      ].join('\n'),
    );
    browser.context.on('close', () => void stop());
    process.on('SIGINT', () => void stop());
    return;
  }
  const page = await browser.context.newPage();
  await showPanel(page);
  await (await browser.context.newPage()).goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.bringToFront();
  const shortcut = await browser.serviceWorker.evaluate(async () => {
    const commands = await (
      globalThis as unknown as { chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } } }
    ).chrome.commands.getAll();
    return commands.find((c) => c.name === 'toggle-panel')?.shortcut || 'the shortcut set in chrome://extensions/shortcuts';
  });
  console.log(
    [
      `Backstory demo is running on an imitation ${SITE === 'netflix' ? 'Netflix' : 'Prime Video'} watch page: ${WATCH_URL}`,
      `  Popup:   chrome-extension://${browser.extensionId}/popup.html`,
      `  Try: the panel handle and ${shortcut}, "Not this episode?", the spoiler controls,`,
      '       window.__fixture.autoplayNext() in the page console to autoplay the next episode.',
      `  A title without a pack: ${LOOKUP_URL} (open its panel, turn on lookups; the imitation TVmaze`,
      '       and Wikidata answer from this machine).',
      'Close the browser window or press Ctrl+C to stop.',
    ].join('\n'),
  );
  browser.context.on('close', () => void stop());
  process.on('SIGINT', () => void stop());
}

if (screenshotDir) {
  if (shotAt < 0) console.log('No display found, so the demo runs headless and writes screenshots instead.');
  await screenshots(screenshotDir);
} else {
  await interactive();
}
