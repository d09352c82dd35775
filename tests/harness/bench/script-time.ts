/**
 * The extension's own script time on /browse, from DevTools CPU profiles, while the page churns. Playback is measured
 * with callees and against a baseline in viewer-cost.ts.
 */
import type { Page } from 'playwright-core';
import type { BenchContext } from './context';
import { seededRandom } from './generated-pack';
import { summarize } from './stats';

/** CPU profile of the page's renderer; samples whose frame belongs to the extension count as its time. */
async function extensionScriptTime(page: Page, seconds: number, churn: () => Promise<void>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) await churn();
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: { id: number; callFrame: { url: string } }[]; samples: number[]; timeDeltas: number[] };
  };
  await cdp.detach();
  const extensionNode = new Set(profile.nodes.filter((n) => n.callFrame.url.startsWith('chrome-extension://')).map((n) => n.id));
  let micros = 0;
  profile.samples.forEach((node, i) => {
    if (extensionNode.has(node)) micros += profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0;
  });
  return micros / 1000 / (seconds / 60);
}

/** Profiles cpuRuns fresh pages for cpuSeconds each, while `churn` plays the viewer, and adds the figure. */
async function cpuFigure(
  { browser, table, cpuSeconds, cpuRuns }: BenchContext,
  figure: string,
  budget: number,
  setup: (page: Page) => Promise<void>,
  pauseMs: [number, number],
) {
  const perMinute: number[] = [];
  for (let run = 0; run < cpuRuns; run++) {
    const page = await browser.context.newPage();
    await setup(page);
    const random = seededRandom(run + 1);
    perMinute.push(
      await extensionScriptTime(page, cpuSeconds, async () => {
        await page.mouse.move(100 + random() * 900, 100 + random() * 400);
        await page.waitForTimeout(pauseMs[0] + random() * (pauseMs[1] - pauseMs[0]));
      }),
    );
    await page.close();
  }
  table.timing(`${figure} (${cpuSeconds} s windows, per minute)`, summarize(perMinute), budget);
}

/** Browse pages churn too: rows load and previews come and go. */
export const browseCpu = (ctx: BenchContext) =>
  cpuFigure(
    ctx,
    'extension script time on /browse',
    5,
    async (page) => {
      await page.goto('https://www.netflix.com/browse');
      await page.evaluate(() => {
        const row = document.querySelector('.row');
        setInterval(() => {
          const tile = document.createElement('div');
          tile.className = 'tile';
          tile.textContent = 'Preview';
          row?.append(tile);
          if ((row?.children.length ?? 0) > 6) row?.children[1]?.remove();
        }, 500);
      });
    },
    [1000, 3000],
  );
