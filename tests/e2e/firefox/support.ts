// What the Firefox suites share (puppeteer-core driving Firefox ESR): the panel's frame and polling a reading.
import type { Frame, Page } from 'puppeteer-core';

/** The panel's frame (an extension page) inside the watch page, reached through its element. */
export async function panelFrame(page: Page): Promise<Frame> {
  const element = await page.waitForSelector('iframe[data-backstory]', { timeout: 15_000 });
  const frame = await element?.contentFrame();
  if (!frame) throw new Error('no panel frame');
  return frame;
}

/** Polls a reading until it passes `ok` (or `timeout` ms go by) and returns the last value, for the assertion to judge. */
export async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 15_000): Promise<T | undefined> {
  const end = Date.now() + timeout;
  let value: T | undefined;
  while (Date.now() < end) {
    value = await read().catch(() => value);
    if (value !== undefined && ok(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  return value;
}
