// What the panel costs the page each time Netflix's controls come and go (issue 31), counted, never timed: the
// frame's style is written once to show and once to fade, with its `inert` flipped in the same task, and nothing
// more (a hidden frame stays drawn, transparent: no step that hides it after the fade, no repaint when it shows);
// the fade is an opacity transition the compositor runs (nothing important declares the opacity, no other property
// is transitioned); the frame is sent nothing when nothing it paints changed; and while hidden it takes neither the
// pointer nor the keyboard.
import { describe, expect, it } from 'vitest';
import { PANEL_FRAME, panelFrame, useExtension, watch } from './support';

const env = useExtension();

type Counted = Window & {
  __observer: MutationObserver;
  __writes: number;
  __inert: number;
  __transitions: string[];
  __states: number;
  __fixture: { hideControls(): void };
};

/** In sight (shown, fully faded in) or out of the way (inert, fully faded out), as the page sees the frame. */
const frameIs = ([selector, wanted]: [string, boolean]) => {
  const frame = document.querySelector(selector) as HTMLElement | null;
  if (!frame) return false;
  const { opacity, pointerEvents } = getComputedStyle(frame);
  return wanted
    ? !frame.hasAttribute('inert') && pointerEvents === 'auto' && opacity === '1'
    : frame.hasAttribute('inert') && pointerEvents === 'none' && opacity === '0';
};

/** What the pointer at the frame's middle would hit, and what has the keyboard after each Tab, while it is hidden. */
async function outOfTheWay(page: import('playwright-core').Page) {
  const hit = await page.evaluate((selector) => {
    const box = (document.querySelector(selector) as HTMLElement).getBoundingClientRect();
    return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.matches(selector);
  }, PANEL_FRAME);
  const focused: boolean[] = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    focused.push(await page.evaluate((selector) => !!document.activeElement?.matches(selector), PANEL_FRAME));
  }
  return { hit, focused: focused.some(Boolean) };
}

describe('the panel while Netflix’s controls come and go', () => {
  it('shows and hides with one style write each way and a compositor fade, sends nothing, takes nothing hidden', async () => {
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
      win.__inert = 0;
      win.__transitions = [];
      // Held by the window: an observer nothing refers to may be collected.
      win.__observer = new MutationObserver((records) => {
        for (const record of records) {
          if (record.attributeName === 'style') win.__writes++;
          else win.__inert++;
        }
      });
      win.__observer.observe(element, { attributes: true, attributeFilter: ['style', 'inert'] });
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
      return {
        writes: win.__writes,
        inert: win.__inert,
        transitions: win.__transitions,
        priority: element.style.getPropertyPriority('opacity'),
      };
    }, PANEL_FRAME);
    expect(new Set(counted.transitions)).toEqual(new Set(['opacity']));
    expect(counted.priority).toBe('');
    expect(await frame.evaluate(() => (window as unknown as Counted).__states)).toBe(0);
    // Shown (once its room is measured) and faded: nothing more, though the caption moved each time.
    expect(counted.writes).toBe(2 * cycles);
    expect(counted.inert).toBe(2 * cycles);
    // Hidden, yet drawn: the pointer goes through it to the page and Tab never lands in it.
    expect(await outOfTheWay(page)).toEqual({ hit: false, focused: false });
    await page.close();
  });
});
