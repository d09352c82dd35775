/**
 * `npm run bench`: measures what viewers feel, in headless Chromium against the imitation Netflix site, and
 * prints each figure (median and spread over several runs) beside its budget. It writes bench-results.json.
 * It is not a test: a slow figure never fails it; it exits non-zero only when something could not be measured.
 *
 *   npm run bench                 full run (about 8 minutes: two figures sample 3 × 60 s of playback)
 *   npm run bench -- --quick      shorter windows and fewer runs, for a quick look
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { generatedPack, seededRandom } from './bench/generated-pack';
import { percentile, type Summary, summarize } from './bench/stats';
import { EXTENSION_DIR, type ExtensionBrowser, findChromium, launchWithExtension } from './browser';
import { startFixtureServer } from './fixture-server';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 4 : 10;
const CPU_SECONDS = quick ? 15 : 60;
const CPU_RUNS = quick ? 2 : 3;

interface Row {
  figure: string;
  value: string;
  spread: string;
  budget: string;
  within: boolean;
  raw: unknown;
}
const rows: Row[] = [];
const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`;
function addTiming(figure: string, s: Summary, budget: number, usesP95 = false) {
  const value = usesP95 ? `p50 ${ms(s.median)}, p95 ${ms(s.p95)}` : ms(s.median);
  rows.push({
    figure,
    value,
    spread: `${ms(s.min)} to ${ms(s.max)} (${s.runs} runs)`,
    budget: `${usesP95 ? 'p95 ' : ''}≤ ${budget} ms`,
    within: (usesP95 ? s.p95 : s.median) <= budget,
    raw: s,
  });
  console.log(`  ${figure}: ${rows.at(-1)?.value}`);
}

type BenchWin = Window & {
  __fixture: { navigate(p: string): void; autoplayNext(): void };
  __benchWait(expected: string): Promise<number>;
};

/** Resolves with performance.now() when the panel shows `expected`; watches the DOM instead of polling. */
const waitForEpisodeInPage = (expected: string) =>
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

async function injectedSize() {
  const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const files: string[] = [...manifest.content_scripts.flatMap((c: { js?: string[] }) => c.js ?? []), 'netflix-page.js'];
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = await readFile(join(EXTENSION_DIR, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  rows.push({
    figure: 'JavaScript injected into netflix.com pages',
    value: `${kb(gzip)} gzip (${kb(raw)} raw)`,
    spread: files.join(' + '),
    budget: '≤ 25 KB gzip',
    within: gzip <= 25 * 1024,
    raw: { raw, gzip, files },
  });
  console.log(`  injected JS: ${kb(gzip)} gzip`);
}

async function panelAppears(page: Page) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
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
  addTiming('player appears in the page → panel shows the episode', summarize(times), 150);
}

async function autoplayChange(page: Page) {
  await page.goto('http://www.netflix.com/watch/90000101');
  await page.locator('backstory-panel .bs-episode').waitFor();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const next = i + 2; // S1E2, S1E3, ... crossing into season 2
    const expected = next <= 8 ? `S1 · E${next}` : `S2 · E${next - 8}`;
    times.push(
      await page.evaluate(async (expected) => {
        const waiting = (window as unknown as BenchWin).__benchWait(expected);
        const t0 = performance.now();
        (window as unknown as BenchWin).__fixture.autoplayNext();
        return (await waiting) - t0;
      }, expected),
    );
  }
  addTiming('autoplay episode change → panel updated', summarize(times), 700);
}

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

/** Profiles CPU_RUNS fresh pages for CPU_SECONDS each, while `churn` plays the viewer, and adds the figure. */
async function cpuFigure(
  browser: ExtensionBrowser,
  figure: string,
  budget: number,
  setup: (page: Page) => Promise<void>,
  pauseMs: [number, number],
) {
  const perMinute: number[] = [];
  for (let run = 0; run < CPU_RUNS; run++) {
    const page = await browser.context.newPage();
    await setup(page);
    const random = seededRandom(run + 1);
    perMinute.push(
      await extensionScriptTime(page, CPU_SECONDS, async () => {
        await page.mouse.move(100 + random() * 900, 100 + random() * 400);
        await page.waitForTimeout(pauseMs[0] + random() * (pauseMs[1] - pauseMs[0]));
      }),
    );
    await page.close();
  }
  addTiming(`${figure} (${CPU_SECONDS} s windows, per minute)`, summarize(perMinute), budget);
}

/** Like a viewer: the mouse moves now and then, the controls appear, fade out and are removed again, and the
 * clock in the control bar updates every second while they are shown. */
const playbackCpu = (browser: ExtensionBrowser) =>
  cpuFigure(
    browser,
    'extension script time during playback',
    20,
    async (page) => {
      await page.goto('http://www.netflix.com/watch/90000101');
      await page.locator('backstory-panel .bs-episode').waitFor();
    },
    [2000, 6000],
  );

/** Browse pages churn too: rows load and previews come and go. */
const browseCpu = (browser: ExtensionBrowser) =>
  cpuFigure(
    browser,
    'extension script time on /browse',
    5,
    async (page) => {
      await page.goto('http://www.netflix.com/browse');
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

async function heapDifference(withExtension: ExtensionBrowser, port: number) {
  const measure = async (newPage: () => Promise<Page>, waitPanel: boolean) => {
    const used: number[] = [];
    for (let i = 0; i < Math.max(5, RUNS / 2); i++) {
      const page = await newPage();
      await page.goto('http://www.netflix.com/watch/90000103');
      if (waitPanel) await page.locator('backstory-panel .bs-episode').waitFor();
      else await page.locator('[data-uia="player"]').waitFor();
      await page.waitForTimeout(1000);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      used.push(((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize);
      await cdp.detach();
      await page.close();
    }
    return used;
  };
  const plain = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=MAP *.netflix.com 127.0.0.1:${port}, MAP * ~NOTFOUND`,
    ],
  });
  const without = await measure(
    async () => (await plain.newContext({ viewport: { width: 1280, height: 720 } })).newPage(),
    false,
  );
  await plain.close();
  const withExt = await measure(() => withExtension.context.newPage(), true);
  const diff = percentile(withExt, 0.5) - percentile(without, 0.5);
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  rows.push({
    figure: 'JS heap of the watch page, with the extension minus without',
    value: mb(diff),
    spread: `with ${mb(Math.min(...withExt))} to ${mb(Math.max(...withExt))}; without ${mb(Math.min(...without))} to ${mb(Math.max(...without))}`,
    budget: '≤ 3 MB',
    within: diff <= 3 * 1024 * 1024,
    raw: { withExt, without },
  });
  console.log(`  heap difference: ${mb(diff)}`);
}

/** Runs `count` messages to the background from an extension page and returns each round trip. */
async function messageTimes(page: Page, messages: unknown[]): Promise<number[]> {
  return page.evaluate(async (list) => {
    const c = (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }
    ).chrome;
    const times: number[] = [];
    for (const message of list) {
      const t0 = performance.now();
      const reply = await c.runtime.sendMessage(message);
      times.push(performance.now() - t0);
      if (!reply?.ok) throw new Error(`message failed: ${reply?.error}`);
    }
    return times;
  }, messages);
}

async function backgroundFigures(browser: ExtensionBrowser) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.locator('table').waitFor();
  const seed = await messageTimes(
    page,
    Array.from({ length: RUNS }, () => ({ backstory: 1, type: 'reseed' })),
  );
  addTiming('seeding the bundled pack into IndexedDB (round trip from a page)', summarize(seed), 200);
  const ids = Array.from({ length: 24 }, (_, i) => `s${Math.floor(i / 8) + 1}e${(i % 8) + 1}`);
  const queries = Array.from({ length: 240 }, (_, i) => ({
    backstory: 1,
    type: 'getEpisodeContext',
    data: { showId: 'heartstopper', episodeId: ids[i % 24] },
  }));
  addTiming('episode-context query through messaging', summarize(await messageTimes(page, queries)), 15, true);
  await page.close();
}

/** Stops the extension's service worker, as the browser does after 30 s idle, and waits until it has stopped. */
async function stopServiceWorker(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const stopped = new Promise<void>((resolve) =>
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.runningStatus === 'stopped')) resolve();
    }),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

/**
 * Opens the popup RUNS times: when the search box is on screen, and when the search is ready to answer.
 * With `coldWorker`, the service worker is stopped before each opening, so its in-memory state is gone.
 */
async function popupTimes(browser: ExtensionBrowser, { coldWorker = false } = {}) {
  const first: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.context.newPage();
    if (coldWorker) await stopServiceWorker(page);
    await page.addInitScript(() => {
      const marks: Record<string, number> = {};
      (window as unknown as { __marks: Record<string, number> }).__marks = marks;
      new MutationObserver(() => {
        if (!marks.first && document.getElementById('bs-search')) marks.first = performance.now();
        if (!marks.ready && /entries, limited/.test(document.body?.textContent ?? '')) marks.ready = performance.now();
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await page.getByText(/entries, limited/).waitFor({ timeout: 30_000 });
    const marks = await page.evaluate(() => (window as unknown as { __marks: Record<string, number> }).__marks);
    first.push(marks.first ?? Number.NaN);
    ready.push(marks.ready ?? Number.NaN);
    await page.close();
  }
  return { first: summarize(first), ready: summarize(ready) };
}

function addUnbudgeted(figure: string, s: Summary) {
  rows.push({
    figure,
    value: ms(s.median),
    spread: `${ms(s.min)} to ${ms(s.max)} (${s.runs} runs)`,
    budget: '(no budget)',
    within: true,
    raw: s,
  });
}

async function popupFirstRender(browser: ExtensionBrowser) {
  const { first, ready } = await popupTimes(browser);
  addTiming('popup first render (search box on screen)', first, 150);
  addUnbudgeted('popup ready (search index loaded)', ready);
}

async function searchTimes(browser: ExtensionBrowser) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.locator('table').waitFor();
  const docsOf = async () =>
    page.evaluate(async () => {
      const c = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ value: { docs: unknown[] } }> } } }
      ).chrome;
      return (await c.runtime.sendMessage({ backstory: 1, type: 'getSearchIndex', data: {} })).value.docs;
    });
  const heartstopperDocs = await docsOf();
  const imported = await page.evaluate(async (pack) => {
    const c = (
      globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: { ok: boolean } }> } };
      }
    ).chrome;
    return c.runtime.sendMessage({ backstory: 1, type: 'importPack', data: pack });
  }, generatedPack());
  if (!imported.ok || !imported.value?.ok) throw new Error('the generated pack was refused');
  const largeDocs = await docsOf();
  await page.close();

  // The search module, bundled on its own, runs in a blank Chromium page: the same code the popup runs.
  const bundle = await build({
    entryPoints: ['lib/search/search-index.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'BenchSearch',
    minify: true,
    logLevel: 'silent',
  });
  const code = `${bundle.outputFiles[0]?.text ?? ''};globalThis.BenchSearch = BenchSearch;`;
  const measure = async (docs: unknown[]) => {
    const bench = await browser.context.newPage();
    await bench.goto('about:blank');
    await bench.evaluate(code);
    const random = seededRandom(99);
    const titles = (docs as { title: string }[]).map((d) => d.title);
    const queries = Array.from({ length: 300 }, (_, i) => {
      const title = titles[Math.floor(random() * titles.length)] ?? 'a';
      const cut = title.slice(0, 3 + Math.floor(random() * 6)).toLowerCase();
      // A third of the queries carry a typo, as typed in a hurry.
      return i % 3 === 0 && cut.length > 4 ? `${cut.slice(0, 2)}${cut[3]}${cut[2]}${cut.slice(4)}` : cut;
    });
    const times = await bench.evaluate(
      ({ docs, queries }) => {
        const index = (
          window as unknown as { BenchSearch: { createSearchIndex(d: unknown[]): { search(q: string): unknown } } }
        ).BenchSearch.createSearchIndex(docs);
        for (const q of queries.slice(0, 20)) index.search(q); // warm up
        return queries.map((q) => {
          const t0 = performance.now();
          index.search(q);
          return performance.now() - t0;
        });
      },
      { docs, queries },
    );
    await bench.close();
    return times;
  };
  addTiming(
    `popup search, Heartstopper pack (${heartstopperDocs.length} documents)`,
    summarize(await measure(heartstopperDocs)),
    5,
    true,
  );
  addTiming(`popup search, generated pack (${largeDocs.length} documents)`, summarize(await measure(largeDocs)), 15, true);
  // The generated pack stays installed, so the popup can be timed with it too.
  const { ready } = await popupTimes(browser);
  addUnbudgeted(`popup ready, with the generated pack too (${largeDocs.length} documents)`, ready);
  const cold = await popupTimes(browser, { coldWorker: true });
  addUnbudgeted(`the same, service worker stopped before each opening`, cold.ready);
}

function printTable() {
  const header = ['Figure', 'Median', 'Spread', 'Budget', ''];
  const lines = rows.map((r) => [r.figure, r.value, r.spread, r.budget, r.within ? 'ok' : 'OVER']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n${fmt(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(fmt(l));
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`Backstory bench${quick ? ' (quick)' : ''} on ${machine}`);
const server = await startFixtureServer();
let failed = false;
try {
  await injectedSize();
  const browser = await launchWithExtension({ port: server.port });
  // tsx keeps function names by wrapping them in __name(); functions sent to pages need that helper there too.
  await browser.context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  try {
    const page = await browser.context.newPage();
    // The waiting helper is installed before the page's own scripts, so starting it costs nothing measurable.
    await page.addInitScript({ content: `window.__benchWait = ${waitForEpisodeInPage.toString()}` });
    await panelAppears(page);
    await autoplayChange(page);
    await page.close();
    await backgroundFigures(browser);
    await popupFirstRender(browser);
    await searchTimes(browser);
    await playbackCpu(browser);
    await browseCpu(browser);
    await heapDifference(browser, server.port);
  } finally {
    await browser.close();
  }
} catch (error) {
  failed = true;
  console.error('\nThe bench could not measure everything:', error);
} finally {
  await server.close();
}
printTable();
const chromiumVersion = (await import('node:child_process')).execFileSync(findChromium(), ['--version']).toString().trim();
await writeFile(
  'bench-results.json',
  `${JSON.stringify({ date: new Date().toISOString(), machine, chromium: chromiumVersion, quick, rows }, null, 2)}\n`,
);
console.log(`\n${chromiumVersion}. Results written to bench-results.json.`);
process.exit(failed ? 1 : 0);
