/**
 * How fast the panel follows Prime Video's player (the imitation, tests/fixtures/primevideo/): from the play button's
 * click, which opens the overlay on the detail page, to the panel's frame showing the episode; and from the next-up
 * card's click (the same <video> takes the next episode, the URL stays) to the panel showing that one. Both include
 * the imitation's own delays (its catalog request; 800 ms of stale title after autoplay, a GUESS of app.js).
 */
import type { Page } from 'playwright-core';
import { setSiteOn } from '../site-access';
import type { BenchContext } from './context';
import { shownAt } from './panel-latency';
import { summarize } from './stats';

const EPISODE = (n: number) => `0PVFIXTURE${String(100 + n).padStart(16, '0')}`;

export async function primePanelAppears(page: Page, { browser, table, runs }: BenchContext) {
  // Prime Video's hosts are optional: turned on as a viewer does, before anything is timed.
  await setSiteOn(browser, 'primevideo', true);
  const opened: number[] = [];
  const autoplayed: number[] = [];
  for (let i = 0; i < runs; i++) {
    const n = (i % 3) + 1;
    await page.goto(`https://www.primevideo.com/detail/${EPISODE(n)}/ref=atv_hm_1?ui=${i % 2 ? 'new' : 'old'}`);
    await page.locator('[data-testid="dp-atf-play-button"]').waitFor();
    const t0 = await page.evaluate(() => {
      const start = performance.timeOrigin + performance.now();
      document.querySelector<HTMLElement>('[data-testid="dp-atf-play-button"]')?.click();
      return start;
    });
    opened.push((await shownAt(page, `S1 · E${n}`)) - t0);
    await page.evaluate(() => {
      const v = document.querySelector<HTMLVideoElement>('#dv-web-player video');
      if (v) v.currentTime = v.duration - 4;
    });
    await page.locator('.atvwebplayersdk-nextupcard-button').waitFor();
    const t1 = await page.evaluate(() => {
      const start = performance.timeOrigin + performance.now();
      document.querySelector<HTMLElement>('.atvwebplayersdk-nextupcard-button')?.click();
      return start;
    });
    autoplayed.push((await shownAt(page, `S1 · E${n + 1}`)) - t1);
  }
  table.timing('Prime Video: play clicked (overlay opens) → panel shows the episode', summarize(opened), 1000);
  table.timing(
    'Prime Video: next-up clicked (same <video>) → panel updated (incl. 800 ms stale title)',
    summarize(autoplayed),
    1500,
  );
}
