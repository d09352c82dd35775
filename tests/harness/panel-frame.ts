/** The panel's frame in the imitation Netflix page, for the e2e suite, the demo and the bench. */
import type { Frame, Page } from 'playwright-core';

export const PANEL_FRAME = 'iframe[data-backstory]';

/** The panel frame's contents, for locators. */
export const panel = (page: Page) => page.frameLocator(PANEL_FRAME);

/** The panel frame itself, for evaluating inside it (the frame is an extension page: a test may, the page may not). */
export async function panelFrame(page: Page): Promise<Frame> {
  await page.locator(PANEL_FRAME).waitFor({ timeout: 10_000 });
  for (let i = 0; i < 200; i++) {
    const frame = page.frames().find((f) => f.url().includes('/panel.html'));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('The panel frame did not load');
}
