/**
 * How fast the panel follows the player: from the player appearing (in-app navigation from /browse) and from an
 * autoplay episode change, to the panel's frame showing the episode. The panel is an extension page in a frame
 * that Netflix's page cannot look into, so a recorder is installed (before any script) in every panel frame: a
 * MutationObserver that notes the wall-clock time each episode line first appears. The page notes the start the
 * same way; both clocks are `performance.timeOrigin + performance.now()`.
 */
import type { Page } from 'playwright-core';
import { panelFrame } from '../panel-frame';
import type { BenchContext } from './context';
import { summarize } from './stats';

type BenchWin = Window & {
  __fixture: { navigate(p: string): void; autoplayNext(): void };
  __episodeSeen?: Record<string, number>;
  /** When the header first had its text and a box of its own (painted, not only in the DOM). */
  __headerPainted?: number;
  __stopRecorder?: () => void;
};

/**
 * Runs in every frame: in the panel's, records when each episode line first shows. Nothing polls. The playback
 * figures call `__stopRecorder()` before their windows, so the recorder costs the frame nothing while measured.
 */
export function recordEpisodeLines() {
  if (!location.pathname.endsWith('/panel.html')) return;
  const win = window as unknown as BenchWin;
  const seen: Record<string, number> = {};
  win.__episodeSeen = seen;
  const look = () => {
    const header = document.querySelector('.bs-episode');
    const text = header?.textContent?.trim();
    if (!header || !text) return;
    const now = performance.timeOrigin + performance.now();
    if (!(text in seen)) seen[text] = now;
    if (win.__headerPainted === undefined) {
      const box = header.getBoundingClientRect();
      // Text before the style sheet applies has no box yet: look again on the next frame.
      if (box.width > 0 && box.height > 0) win.__headerPainted = now;
      else requestAnimationFrame(look);
    }
  };
  const observer = new MutationObserver(look);
  observer.observe(document, { subtree: true, childList: true, characterData: true });
  win.__stopRecorder = () => observer.disconnect();
}

export async function shownAt(page: Page, expected: string): Promise<number> {
  const frame = await panelFrame(page);
  // The recorder keeps the full line ("S1 · E3 Kiss"); the expected code is its start.
  const handle = await frame.waitForFunction(
    (text) => {
      const seen = (window as unknown as BenchWin).__episodeSeen ?? {};
      const line = Object.keys(seen).find((shown) => shown.includes(text));
      return line === undefined ? undefined : seen[line];
    },
    expected,
    { polling: 100, timeout: 15_000 },
  );
  return (await handle.jsonValue()) as number;
}

export async function panelAppears(page: Page, { table, runs }: BenchContext) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const season = 1 + Math.floor(i / 8);
    const episode = (i % 8) + 1;
    await page.goto('https://www.netflix.com/browse');
    await page.waitForTimeout(400);
    const t0 = await page.evaluate(
      (path) => {
        const start = performance.timeOrigin + performance.now();
        (window as unknown as BenchWin).__fixture.navigate(path);
        return start;
      },
      `/watch/${90000000 + season * 100 + episode}`,
    );
    times.push((await shownAt(page, `S${season} · E${episode}`)) - t0);
  }
  table.timing('player appears in the page → panel shows the episode (in its frame)', summarize(times), 200);
}

export async function autoplayChange(page: Page, { table, runs }: BenchContext) {
  await page.goto('https://www.netflix.com/watch/90000101');
  await shownAt(page, 'S1 · E1');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const next = i + 2; // S1E2, S1E3, ... crossing into season 2
    const expected = next <= 8 ? `S1 · E${next}` : `S2 · E${next - 8}`;
    // The clock starts when the next episode's player is in the page: the imitation, like Netflix, first shows no
    // video for a moment, and that gap is Netflix's time, not ours.
    const t0 = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const before = document.querySelector('[data-uia="player"]');
          const seen = new MutationObserver(() => {
            const player = document.querySelector('[data-uia="player"]');
            if (player && player !== before) {
              seen.disconnect();
              resolve(performance.timeOrigin + performance.now());
            }
          });
          seen.observe(document.body, { childList: true, subtree: true });
          (window as unknown as BenchWin).__fixture.autoplayNext();
        }),
    );
    times.push((await shownAt(page, expected)) - t0);
  }
  table.timing('autoplay episode change → panel updated', summarize(times), 700);
}
