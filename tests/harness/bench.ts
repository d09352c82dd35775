/**
 * `npm run bench`: measures what viewers feel, in headless Chromium against the imitation Netflix site, and
 * prints each figure (median and spread over several runs) beside its budget. It writes bench-results.json.
 * It is not a test: a slow figure never fails it; it exits non-zero only when something could not be measured.
 *
 *   npm run bench                 full run (about 15 minutes: playback is sampled 3 × (40 + 60) s with the extension
 *                                 and as long again without it, the baseline, then profiled once more)
 *   npm run bench -- --quick      shorter windows and fewer runs, for a quick look (about 5 minutes)
 *   npm run bench -- --viewer     only the viewer's figures (panel visible, playback cost, where the time goes)
 *   npm run bench -- --where      only the profile of where the time goes (one playback window, page and frame)
 */
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { backgroundFigures } from './bench/background-figures';
import type { BenchContext } from './bench/context';
import { heapDifference } from './bench/heap';
import { identifyMessages } from './bench/identify-messages';
import { injectedSize } from './bench/injected-size';
import { lookupFigures } from './bench/lookup-figures';
import { autoplayChange, panelAppears, recordEpisodeLines } from './bench/panel-latency';
import { popupFirstRender, searchTimes } from './bench/popup-figures';
import { primePanelAppears } from './bench/primevideo-latency';
import { browseCpu } from './bench/script-time';
import { createTable } from './bench/table';
import { viewerCost, whereTimeGoes } from './bench/viewer-cost';
import { findChromium, launchWithExtension } from './browser';
import { startFixtureServer } from './fixture-server';

const quick = process.argv.includes('--quick');
const whereOnly = process.argv.includes('--where');
const viewerOnly = whereOnly || process.argv.includes('--viewer');
const table = createTable();

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(
  `Backstory bench${quick ? ' (quick)' : ''} on ${machine}; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const server = await startFixtureServer();
let failed = false;
try {
  await injectedSize(table);
  const browser = await launchWithExtension({ port: server.port });
  const ctx: BenchContext = {
    browser,
    table,
    port: server.port,
    runs: quick ? 4 : 10,
    cpuSeconds: quick ? 15 : 60,
    cpuRuns: quick ? 2 : 3,
  };
  // tsx keeps function names by wrapping them in __name(); functions sent to pages need that helper there too.
  await browser.context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  try {
    const page = await browser.context.newPage();
    // The recorder is installed in every frame before its own scripts (it acts only in the panel's frame).
    await browser.context.addInitScript({ content: `(${recordEpisodeLines.toString()})()` });
    if (!whereOnly) await panelAppears(page, ctx);
    if (!whereOnly) await autoplayChange(page, ctx);
    if (!viewerOnly) await primePanelAppears(page, ctx);
    if (!viewerOnly) await identifyMessages(page, ctx);
    await page.close();
    if (!viewerOnly) {
      await backgroundFigures(ctx);
      await popupFirstRender(ctx);
      await searchTimes(ctx);
      await lookupFigures(ctx, server.providers);
    }
    if (!whereOnly) await viewerCost(ctx, quick ? 20 : 40);
    await whereTimeGoes(ctx);
    if (!viewerOnly) {
      await browseCpu(ctx);
      await heapDifference(ctx);
    }
  } finally {
    await browser.close();
  }
} catch (error) {
  failed = true;
  console.error('\nThe bench could not measure everything:', error);
} finally {
  await server.close();
}
table.print();
const chromiumVersion = (await import('node:child_process')).execFileSync(findChromium(), ['--version']).toString().trim();
await writeFile(
  'bench-results.json',
  `${JSON.stringify({ date: new Date().toISOString(), machine, load: loadavg(), chromium: chromiumVersion, quick, viewerOnly, rows: table.rows }, null, 2)}\n`,
);
console.log(`\n${chromiumVersion}. Results written to bench-results.json.`);
process.exit(failed ? 1 : 0);
