/**
 * How fast the panel follows the player: from the player appearing (in-app navigation from /browse) and from an
 * autoplay episode change, to the panel showing the episode. The page's own MutationObserver stops the clock.
 */
import type { Page } from 'playwright-core';
import type { BenchContext } from './context';
import { summarize } from './stats';

type BenchWin = Window & {
  __fixture: { navigate(p: string): void; autoplayNext(): void };
  __benchWait(expected: string): Promise<number>;
};

/** Resolves with performance.now() when the panel shows `expected`; watches the DOM instead of polling. */
export const waitForEpisodeInPage = (expected: string) =>
  new Promise<number>((resolve) => {
    const observers: MutationObserver[] = [];
    const done = () => {
      const text = document.querySelector('backstory-panel')?.shadowRoot?.querySelector('.bs-episode')?.textContent ?? '';
      if (!text.includes(expected)) return false;
      for (const o of observers) o.disconnect();
      resolve(performance.now());
      return true;
    };
    // Roots observed by this call only: each wait sets up its own observers and drops them when done.
    const observed = new Set<ShadowRoot>();
    const watchShadow = () => {
      const root = document.querySelector('backstory-panel')?.shadowRoot;
      if (!root || observed.has(root)) return;
      observed.add(root);
      const o = new MutationObserver(() => void done());
      o.observe(root, { subtree: true, childList: true, characterData: true });
      observers.push(o);
    };
    const doc = new MutationObserver(() => {
      watchShadow();
      done();
    });
    doc.observe(document.documentElement, { subtree: true, childList: true });
    observers.push(doc);
    watchShadow();
    done();
  });

export async function panelAppears(page: Page, { table, runs }: BenchContext) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const season = 1 + Math.floor(i / 8);
    const episode = (i % 8) + 1;
    await page.goto('http://www.netflix.com/browse');
    await page.waitForTimeout(400);
    const elapsed = await page.evaluate(
      async ({ path, expected }) => {
        const waiting = (window as unknown as BenchWin).__benchWait(expected);
        const t0 = performance.now();
        (window as unknown as BenchWin).__fixture.navigate(path);
        return (await waiting) - t0;
      },
      { path: `/watch/${90000000 + season * 100 + episode}`, expected: `S${season} · E${episode}` },
    );
    times.push(elapsed);
  }
  table.timing('player appears in the page → panel shows the episode', summarize(times), 150);
}

export async function autoplayChange(page: Page, { table, runs }: BenchContext) {
  await page.goto('http://www.netflix.com/watch/90000101');
  await page.locator('backstory-panel .bs-episode').waitFor();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const next = i + 2; // S1E2, S1E3, ... crossing into season 2
    const expected = next <= 8 ? `S1 · E${next}` : `S2 · E${next - 8}`;
    times.push(
      await page.evaluate(async (expected) => {
        const waiting = (window as unknown as BenchWin).__benchWait(expected);
        // The clock starts when the next episode's player is in the page: the imitation, like Netflix, first
        // shows no video for a moment, and that gap is Netflix's time, not ours.
        const before = document.querySelector('[data-uia="player"]');
        const started = new Promise<number>((resolve) => {
          const seen = new MutationObserver(() => {
            const player = document.querySelector('[data-uia="player"]');
            if (player && player !== before) {
              seen.disconnect();
              resolve(performance.now());
            }
          });
          seen.observe(document.body, { childList: true, subtree: true });
        });
        (window as unknown as BenchWin).__fixture.autoplayNext();
        const [t0, t1] = await Promise.all([started, waiting]);
        return t1 - t0;
      }, expected),
    );
  }
  table.timing('autoplay episode change → panel updated', summarize(times), 700);
}
