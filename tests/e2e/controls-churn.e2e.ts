// What the panel costs the page each time Netflix's controls come and go (issue 31), counted, never timed: the
// frame's style is written once to show and once to fade, then once more to put it out of the way; the fade is an
// opacity transition the compositor runs (nothing important declares the opacity, no other property is
// transitioned); and the frame is sent nothing when nothing it paints changed.
import { describe, expect, it } from 'vitest';
import { PANEL_FRAME, panelFrame, useExtension, watch } from './support';

const env = useExtension();

type Counted = Window & {
  __observer: MutationObserver;
  __writes: number;
  __transitions: string[];
  __states: number;
  __fixture: { hideControls(): void };
};

/** In sight (shown, fully faded in) or out of the way, as the page sees the frame. */
const frameIs = ([selector, wanted]: [string, boolean]) => {
  const frame = document.querySelector(selector) as HTMLElement | null;
  if (!frame) return false;
  return wanted
    ? getComputedStyle(frame).visibility === 'visible' && frame.style.opacity === '1'
    : getComputedStyle(frame).visibility === 'hidden';
};

describe('the panel while Netflix’s controls come and go', () => {
  it('shows and hides with one style write each way and a compositor fade, and sends the frame nothing', async () => {
    const page = await env.newPage();
    await watch(page, 1, 1, '?controlsTimeout=manual&cues=fixed');
    const frame = await panelFrame(page);
    await frame.locator('.bs-episode').waitFor({ timeout: 10_000 });
    // A fresh profile asks "Where are you?", which keeps the panel in sight: answered once, as a viewer does.
    await frame.evaluate(async () => {
      if (!document.querySelector('.bs-where')) return;
      const { chrome } = window as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      await chrome.runtime.sendMessage({ backstory: 1, type: 'placeViewer', data: { showId: 'heartstopper', episodeId: null } });
    });
    await frame.waitForFunction(() => !document.querySelector('.bs-where, .bs-ask'), undefined, { timeout: 10_000 });
    await page.evaluate(() => (window as unknown as Counted).__fixture.hideControls());
    await page.waitForFunction(frameIs, [PANEL_FRAME, false] as [string, boolean], { timeout: 10_000 });

    await frame.evaluate(() => {
      const win = window as unknown as Counted;
      win.__states = 0;
      const { chrome } = window as unknown as {
        chrome: { runtime: { onMessage: { addListener(f: (m: unknown) => void): void } } };
      };
      chrome.runtime.onMessage.addListener((m) => {
        if (m && typeof m === 'object' && 'backstoryPanel' in m) win.__states++;
      });
    });
    await page.evaluate((selector) => {
      const win = window as unknown as Counted;
      const element = document.querySelector(selector) as HTMLElement;
      win.__writes = 0;
      win.__transitions = [];
      // Held by the window: an observer nothing refers to may be collected.
      win.__observer = new MutationObserver((records) => {
        win.__writes += records.length;
      });
      win.__observer.observe(element, { attributes: true, attributeFilter: ['style'] });
      element.addEventListener('transitionrun', (event) => win.__transitions.push(event.propertyName));
    }, PANEL_FRAME);

    const cycles = 3;
    for (let i = 0; i < cycles; i++) {
      // Over the picture's left half, away from the panel (the pointer over it would keep it in sight).
      await page.mouse.move(120 + i * 40, 200 + i * 30);
      await page.waitForFunction(frameIs, [PANEL_FRAME, true] as [string, boolean], { timeout: 10_000 });
      await page.evaluate(() => (window as unknown as Counted).__fixture.hideControls());
      await page.waitForFunction(frameIs, [PANEL_FRAME, false] as [string, boolean], { timeout: 10_000 });
    }

    const counted = await page.evaluate((selector) => {
      const win = window as unknown as Counted;
      const element = document.querySelector(selector) as HTMLElement;
      return { writes: win.__writes, transitions: win.__transitions, priority: element.style.getPropertyPriority('opacity') };
    }, PANEL_FRAME);
    expect(new Set(counted.transitions)).toEqual(new Set(['opacity']));
    expect(counted.priority).toBe('');
    expect(await frame.evaluate(() => (window as unknown as Counted).__states)).toBe(0);
    // Shown (once its room is measured), faded, out of the way: nothing more, though the caption moved each time.
    expect(counted.writes).toBeLessThanOrEqual(3 * cycles);
    await page.close();
  });
});
