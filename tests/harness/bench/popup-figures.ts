/** The toolbar popup: first render, time until search is ready (warm and cold worker), and search latency. */
import { build } from 'esbuild';
import { watchServiceWorker } from '../browser';
import type { BenchContext } from './context';
import { generatedPack, seededRandom } from './generated-pack';
import { summarize } from './stats';

/**
 * Opens the popup `runs` times: when the search box is on screen, and when the search is ready to answer.
 * With `coldWorker`, the service worker is stopped before each opening, so its in-memory state is gone.
 */
async function popupTimes({ browser, runs }: BenchContext, { coldWorker = false } = {}) {
  const first: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.context.newPage();
    if (coldWorker) {
      const worker = await watchServiceWorker(page);
      await worker.stop();
      await worker.detach();
    }
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

export async function popupFirstRender(ctx: BenchContext) {
  const { table } = ctx;
  const { first, ready } = await popupTimes(ctx);
  table.timing('popup first render (search box on screen)', first, 150);
  table.unbudgeted('popup ready (search index loaded)', ready);
}

export async function searchTimes(ctx: BenchContext) {
  const { browser, table } = ctx;
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
  const bundledDocs = await docsOf();
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
  table.timing(
    `popup search, both bundled packs (${bundledDocs.length} documents)`,
    summarize(await measure(bundledDocs)),
    5,
    true,
  );
  table.timing(`popup search, generated pack (${largeDocs.length} documents)`, summarize(await measure(largeDocs)), 15, true);
  // The generated pack stays installed, so the popup can be timed with it too.
  const { ready } = await popupTimes(ctx);
  table.unbudgeted(`popup ready, with the generated pack too (${largeDocs.length} documents)`, ready);
  const cold = await popupTimes(ctx, { coldWorker: true });
  table.unbudgeted(`the same, service worker stopped before each opening`, cold.ready);
}
