/**
 * Messages per identification: how many identification messages a tab sends the background before its panel
 * shows the episode, on a fresh page and after autoplay (issue #26: one, two at most; it was up to six
 * resolveEpisode round trips). Counted in the service worker by a listener that only looks.
 */
import type { Page } from 'playwright-core';
import { panel } from '../panel-frame';
import type { BenchContext } from './context';

const TYPES = ['identifyEpisode', 'resolveEpisode'];

export async function identifyMessages(page: Page, { browser, table, runs }: BenchContext) {
  await browser.serviceWorker.evaluate((types) => {
    const g = globalThis as unknown as {
      __identifyMessages?: number;
      chrome: { runtime: { onMessage: { addListener(l: unknown): void } } };
    };
    if (g.__identifyMessages !== undefined) return;
    g.__identifyMessages = 0;
    g.chrome.runtime.onMessage.addListener((m: { backstory?: number; type?: string }) => {
      if (m?.backstory === 1 && types.includes(m.type ?? '')) g.__identifyMessages = (g.__identifyMessages ?? 0) + 1;
      return undefined;
    });
  }, TYPES);
  const count = () =>
    browser.serviceWorker.evaluate(() => (globalThis as { __identifyMessages?: number }).__identifyMessages ?? 0);
  const perEpisode: number[] = [];
  const shown = async (code: string) => {
    await panel(page).locator('.bs-episode', { hasText: code }).waitFor({ state: 'attached', timeout: 15_000 });
    // Anything still on its way for this identification arrives in the next moment.
    await page.waitForTimeout(300);
  };
  for (let i = 0; i < runs; i++) {
    const before = await count();
    if (i % 2 === 0) {
      await page.goto(`https://www.netflix.com/watch/${90000101 + (i % 8)}`);
      await shown(`S1 · E${(i % 8) + 1}`);
    } else {
      await page.evaluate(() => (window as unknown as { __fixture: { autoplayNext(): void } }).__fixture.autoplayNext());
      await shown(`S1 · E${(i % 8) + 1}`);
    }
    perEpisode.push((await count()) - before);
  }
  const worst = Math.max(...perEpisode);
  table.add({
    figure: 'identification messages per episode shown (page load, autoplay)',
    value: `max ${worst}, median ${[...perEpisode].sort((a, b) => a - b)[Math.floor(perEpisode.length / 2)]}`,
    spread: perEpisode.join(', '),
    budget: '≤ 2',
    within: worst <= 2,
    raw: perEpisode,
  });
}
