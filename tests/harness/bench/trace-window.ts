/**
 * A diagnostic, not a figure: one Chromium trace of a playback window on the imitation watch page, the controls
 * woken by the mouse a fixed number of times, summed up per process (the page, the panel frame, the background)
 * as what ran and what was restyled or laid out: how many style recalculations and layouts, of how many elements,
 * which were forced by script (and from where), which elements were invalidated and why, and which animations the
 * compositor could not run; and every thread of the extension's process. `npx tsx tests/harness/bench/trace-window.ts
 * [cycles]` (build first; `BACKSTORY_EXTENSION_DIR` picks another build, `--baseline` runs the same window with no
 * extension, `--hidden` leaves the mouse still: the panel hidden). Issue 31: "per controls show/hide,
 * what runs in the page, what is restyled, what the frame does on each message".
 */
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import type { CDPSession, Page } from 'playwright-core';
import { launchWithExtension } from '../browser';
import { startFixtureServer } from '../fixture-server';
import { panelFrame } from '../panel-frame';
import { launchBaseline } from './baseline';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: Record<string, unknown> & { data?: Record<string, unknown>; beginData?: Record<string, unknown> };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.invalidationTracking',
  'disabled-by-default-devtools.timeline.stack',
  'blink.animations',
  'v8.execute',
  'v8',
  'ServiceWorker',
  'disabled-by-default-v8.gc',
  'toplevel',
  '__metadata',
].join(',');

async function trace(cdp: CDPSession, during: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES.split(',') }, transferMode: 'ReportEvents' });
  await during();
  await cdp.send('Tracing.end');
  await done;
  return events;
}

const top = (counts: Map<string, number>, n = 8) =>
  [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${Number.isInteger(v) ? v : v.toFixed(1)} × ${k}`);
const bump = (m: Map<string, number>, k: string, by = 1) => m.set(k, (m.get(k) ?? 0) + by);

function stackOf(data: Record<string, unknown> | undefined): string {
  const stack = (data?.stackTrace ?? (data as { stack?: unknown } | undefined)?.stack) as
    | { functionName: string; url: string; lineNumber: number }[]
    | undefined;
  if (!stack?.length) return '(no script)';
  return stack
    .slice(0, 3)
    .map((f) => `${f.functionName || '(anon)'}@${f.url.replace(/^.*\//, '')}:${f.lineNumber}`)
    .join(' < ');
}

/** Every thread of the extension's own process (the panel frame and the background's worker share it). */
function extensionThreads(events: TraceEvent[], names: Map<number, string>): string[] {
  const threads = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, String(e.args?.name ?? ''));
  const lines: string[] = [];
  for (const [pid, label] of names) {
    if (!label.startsWith('chrome-extension://')) continue;
    const byThread = new Map<string, Map<string, number>>();
    for (const e of events) {
      if (e.pid !== pid || e.ph !== 'X') continue;
      const thread = threads.get(`${e.pid}:${e.tid}`) ?? String(e.tid);
      const time = byThread.get(thread) ?? new Map<string, number>();
      byThread.set(thread, time);
      bump(time, e.name, (e.tdur ?? e.dur ?? 0) / 1000);
    }
    lines.push(`extension process ${pid}, every thread (ms of thread time by event, nested events counted again):`);
    for (const [thread, time] of byThread) lines.push(`  ${thread}: ${top(time, 6).join('; ')}`);
  }
  return lines;
}

/** Per renderer process: what its main thread did. */
function summarize(events: TraceEvent[], cycles: number): string[] {
  const names = new Map<number, string>();
  const mainThread = new Map<number, number>();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'process_labels') names.set(e.pid, String(e.args?.labels ?? ''));
    if (e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mainThread.set(e.pid, e.tid);
  }
  // Which renderer shows which frame (the page, the extension's panel frame).
  for (const e of events) {
    const frames = (e.args?.data?.frames ?? []) as { url?: string; processId?: number }[];
    for (const f of frames) if (f.processId && f.url) names.set(f.processId, names.get(f.processId) || f.url);
    const d = e.args?.data as { url?: string; processId?: number } | undefined;
    if (e.name === 'FrameCommittedInBrowser' && d?.processId && d.url) names.set(d.processId, d.url);
  }
  const lines: string[] = [];
  for (const [pid, tid] of mainThread) {
    const own = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');
    const label = names.get(pid) ?? `renderer ${pid}`;
    const time = new Map<string, number>();
    for (const e of own) bump(time, e.name, (e.tdur ?? e.dur ?? 0) / 1000);
    const style = own.filter((e) => e.name === 'UpdateLayoutTree');
    const layout = own.filter((e) => e.name === 'Layout');
    const forced = new Map<string, number>();
    for (const e of [...style, ...layout]) {
      const where = stackOf(e.args?.beginData ?? e.args?.data);
      if (where !== '(no script)') bump(forced, `${e.name} forced by ${where}`);
    }
    const elements = style.reduce((n, e) => n + Number((e.args?.elementCount as number) ?? e.args?.data?.elementCount ?? 0), 0);
    const invalidated = new Map<string, number>();
    for (const e of events) {
      if (e.pid !== pid || !e.name.endsWith('InvalidationTracking')) continue;
      const d = e.args?.data as
        | { nodeName?: string; reason?: string; selectors?: unknown; changedAttribute?: string }
        | undefined;
      bump(
        invalidated,
        `${e.name.replace('InvalidationTracking', '')}: ${d?.nodeName ?? '?'} (${d?.reason ?? d?.changedAttribute ?? ''}) ${stackOf(d as Record<string, unknown>)}`,
      );
    }
    const animations = new Map<string, number>();
    for (const e of events) {
      if (e.pid !== pid || e.cat !== 'blink.animations' || e.ph !== 'b') continue;
      const d = e.args?.data as { name?: string; compositeFailed?: number; unsupportedProperties?: string[] } | undefined;
      bump(
        animations,
        `${d?.name ?? e.name} compositeFailed=${d?.compositeFailed ?? 0} ${d?.unsupportedProperties?.join('/') ?? ''}`,
      );
    }
    const busy = [...time.entries()]
      .filter(([n]) => n === 'RunTask' || n === 'ThreadControllerImpl::RunTask')
      .reduce((a, [, v]) => a + v, 0);
    lines.push(
      `${label.slice(0, 80)} (main thread, ${busy.toFixed(1)} ms of tasks; ${cycles} controls cycles):`,
      `  style recalcs ${style.length} (${elements} elements), layouts ${layout.length}`,
      ...top(time, 12).map((l) => `  ms ${l}`),
      ...top(forced).map((l) => `  ${l}`),
      ...top(invalidated, 12).map((l) => `  ${l}`),
      ...top(animations).map((l) => `  animation ${l}`),
    );
  }
  return [...lines, ...extensionThreads(events, names)];
}

async function settle(page: Page, withExtension: boolean) {
  await page.goto('https://www.netflix.com/watch/90000101');
  if (withExtension) {
    const panel = await panelFrame(page);
    await panel.waitForSelector('.bs-episode, .bs-where', { timeout: 15_000 });
    // As the bench does (viewer-cost.ts): "Where are you?" answered once, so the panel fades with the controls.
    await panel.evaluate(async () => {
      if (!document.querySelector('.bs-where')) return;
      const { chrome } = window as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      await chrome.runtime.sendMessage({ backstory: 1, type: 'placeViewer', data: { showId: 'heartstopper', episodeId: null } });
    });
    await panel.waitForFunction(() => !document.querySelector('.bs-where, .bs-ask'), undefined, { timeout: 15_000 });
  }
  await page.locator('[data-uia="controls-standard"]').waitFor({ state: 'detached', timeout: 15_000 });
  await page.waitForTimeout(1500);
}

const cycles = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5);
const baseline = process.argv.includes('--baseline');
/** --hidden: the mouse stays still, the controls and the panel stay hidden (the hidden windows' state). */
const hidden = process.argv.includes('--hidden');
const server = await startFixtureServer();
const ext = baseline ? undefined : await launchWithExtension({ port: server.port });
const base = baseline ? await launchBaseline(server.port) : undefined;
try {
  if (ext) await ext.context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  // --warm N: N watch pages opened and closed first, as the bench's latency figures do before its windows.
  const warm = process.argv.includes('--warm') ? Number(process.argv[process.argv.indexOf('--warm') + 1] ?? 0) : 0;
  if (ext && warm > 0) {
    // One page, a new episode each time, as the bench's latency figures play them.
    const page = await ext.context.newPage();
    for (let i = 0; i < warm; i++) {
      await page.goto(`https://www.netflix.com/watch/${90000101 + (i % 8)}`);
      await (await panelFrame(page)).waitForSelector('.bs-episode', { timeout: 15_000 });
    }
    await page.close();
  }
  const page = ext ? await ext.context.newPage() : await (base as NonNullable<typeof base>).newPage();
  await settle(page, !!ext);
  const cdp = await page.context().newCDPSession(page);
  const started = loadavg()[0];
  // Each cycle: one move wakes the controls (shown 3 s by the imitation), then they go; 5 s a cycle.
  const events = await trace(cdp, async () => {
    for (let i = 0; i < cycles; i++) {
      if (!hidden) await page.mouse.move(200 + i * 37, 200 + (i % 3) * 50);
      await page.waitForTimeout(5000);
    }
  });
  await writeFile('/tmp/backstory-trace.json', JSON.stringify({ traceEvents: events }));
  console.log(
    `${baseline ? 'baseline' : 'extension'}; load ${started?.toFixed(1)} → ${loadavg()[0]?.toFixed(1)}; trace in /tmp/backstory-trace.json`,
  );
  for (const line of summarize(events, cycles)) console.log(line);
} finally {
  await ext?.close();
  await base?.browser.close();
  await server.close();
}
