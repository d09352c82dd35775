/**
 * JS heap of the watch page with the extension minus without it, each after a forced garbage collection; and the
 * panel frame's own heap (an extension page, measured in its own target).
 */
import type { Page } from 'playwright-core';
import { panel, panelFrame } from '../panel-frame';
import { launchBaseline } from './baseline';
import type { BenchContext } from './context';
import { percentile } from './stats';

export async function heapDifference({ browser: withExtension, port, runs, table }: BenchContext) {
  const frameUsed: number[] = [];
  const measure = async (newPage: () => Promise<Page>, waitPanel: boolean) => {
    const used: number[] = [];
    for (let i = 0; i < Math.max(5, runs / 2); i++) {
      const page = await newPage();
      await page.goto('https://www.netflix.com/watch/90000103');
      if (waitPanel) await panel(page).locator('.bs-episode').waitFor();
      else await page.locator('[data-uia="player"]').waitFor();
      await page.waitForTimeout(1000);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      used.push(((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize);
      await cdp.detach();
      if (waitPanel) {
        const frame = await page.context().newCDPSession(await panelFrame(page));
        await frame.send('HeapProfiler.collectGarbage');
        frameUsed.push(((await frame.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize);
        await frame.detach();
      }
      await page.close();
    }
    return used;
  };
  const plain = await launchBaseline(port);
  const without = await measure(plain.newPage, false);
  await plain.browser.close();
  const withExt = await measure(() => withExtension.context.newPage(), true);
  const diff = percentile(withExt, 0.5) - percentile(without, 0.5);
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  table.add({
    figure: 'JS heap of the watch page, with the extension minus without',
    value: mb(diff),
    spread: `with ${mb(Math.min(...withExt))} to ${mb(Math.max(...withExt))}; without ${mb(Math.min(...without))} to ${mb(Math.max(...without))}`,
    budget: '≤ 3 MB',
    within: diff <= 3 * 1024 * 1024,
    raw: { withExt, without },
  });
  table.add({
    figure: 'JS heap of the panel frame itself (its own process, not the page)',
    value: mb(percentile(frameUsed, 0.5)),
    spread: `${mb(Math.min(...frameUsed))} to ${mb(Math.max(...frameUsed))} (${frameUsed.length} runs)`,
    budget: '(no budget)',
    within: true,
    raw: { frameUsed },
  });
}
