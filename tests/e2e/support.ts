/** Shared set-up for the end-to-end suites: one fixture server and one browser per test file. */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from '../harness/browser';
import { type FixtureServer, startFixtureServer } from '../harness/fixture-server';
import { PANEL_FRAME, panel, panelFrame, togglePanel } from '../harness/panel-frame';

export interface E2E {
  server: FixtureServer;
  browser: ExtensionBrowser;
  /** Console errors and uncaught exceptions seen on any page, for the "no errors" checks. */
  pageErrors: string[];
  /** Chromium's log lines for non-2xx responses (the fixture refuses some routes on purpose). */
  networkErrors: string[];
  /** Console errors of the extension's service worker. */
  workerErrors: string[];
  newPage(): Promise<Page>;
}

/** `locale`: launch the browser in that language (tests/e2e/locales.e2e.ts); English otherwise. */
export function useExtension(options: { locale?: string } = {}): E2E {
  const env = { pageErrors: [] as string[], networkErrors: [] as string[], workerErrors: [] as string[] } as E2E;
  const workerLog: string[] = [];
  beforeAll(async () => {
    env.server = await startFixtureServer();
    env.browser = await launchWithExtension({ port: env.server.port, locale: options.locale });
    env.browser.serviceWorker.on('console', (m) => {
      workerLog.push(`${m.type()}: ${m.text()}`);
      if (m.type() === 'error') env.workerErrors.push(m.text());
    });
    env.newPage = async () => {
      const page = await env.browser.context.newPage();
      page.on('pageerror', (e) => env.pageErrors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        if (m.text().startsWith('Failed to load resource')) env.networkErrors.push(m.text());
        else env.pageErrors.push(`console: ${m.text()}`);
      });
      return page;
    };
  });
  // When a test fails, say what every open page showed and what the worker logged: a flake seen only in CI
  // then explains itself in CI's output.
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail' || !env.browser) return;
    for (const page of env.browser.context.pages()) {
      const text = await page.evaluate(() => document.body?.innerText ?? '').catch((error: unknown) => `(unreadable: ${error})`);
      const inPanel = await Promise.all(
        page
          .frames()
          .filter((f) => f.url().includes('/panel.html'))
          .map((f) => f.evaluate(() => document.body.innerText).catch(() => '')),
      );
      console.error(
        `[failed: ${ctx.task.name}] ${page.url()}\n${text.slice(0, 2000)}${inPanel.length ? `\n[panel] ${inPanel.join('\n').slice(0, 1500)}` : ''}`,
      );
    }
    console.error(`[failed: ${ctx.task.name}] worker log: ${workerLog.slice(-20).join('\n') || '(empty)'}`);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Selectors inside the panel's frame; the frame itself is found with tests/harness/panel-frame.ts. */
export const PANEL = '.bs-panel';
export const HANDLE = '.bs-handle';
export { PANEL_FRAME, panel, panelFrame };

/** Video ids of the fixture catalog (synthetic): 9000 0000 + season × 100 + episode. */
export const fixtureId = (season: number, episode: number) => 90000000 + season * 100 + episode;

export async function watch(page: Page, season: number, episode: number, query = ''): Promise<void> {
  await page.goto(`https://www.netflix.com/watch/${fixtureId(season, episode)}${query}`);
}

/**
 * Opens the panel as the viewer's shortcut does (the background's "toggle-panel" message to this tab), without
 * moving the mouse: on a title Backstory does not know, the panel stays closed until asked.
 */
export async function openPanel(env: E2E, page: Page): Promise<void> {
  await panel(page).locator(HANDLE).waitFor({ state: 'attached', timeout: 10_000 });
  await togglePanel(env.browser.serviceWorker, page);
  await panel(page).locator(PANEL).waitFor({ timeout: 10_000 });
}

/** The episode line of the panel, e.g. "S1 · E3 Kiss". */
export async function panelEpisode(page: Page): Promise<string> {
  return (await panel(page).locator('.bs-episode').textContent({ timeout: 10_000 }))?.trim() ?? '';
}

/** The toolbar popup, opened as a page at the popup's size, once its search is on screen. */
export async function openPopup(env: E2E): Promise<Page> {
  const page = await env.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`chrome-extension://${env.browser.extensionId}/popup.html`);
  await page.locator('.bs-popup').waitFor();
  return page;
}

/** The title of the popup's highlighted result. */
export const activeOption = (page: Page) => page.locator('[role="option"][aria-selected="true"] .bs-option__title').textContent();
