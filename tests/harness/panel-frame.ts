/** The panel's frame in the imitation Netflix page, for the e2e suite, the demo and the bench. */
import type { Frame, Page, Worker } from 'playwright-core';

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

/**
 * Toggles the panel of the tab showing `page` as the viewer's shortcut does (the background's "toggle-panel"
 * message to that tab), without moving the mouse.
 */
export async function togglePanel(serviceWorker: Worker, page: Page): Promise<void> {
  await serviceWorker.evaluate(async (url) => {
    const c = (
      globalThis as unknown as {
        chrome: {
          tabs: {
            query(q: object): Promise<{ id?: number; url?: string }[]>;
            sendMessage(id: number, m: unknown): Promise<unknown>;
          };
        };
      }
    ).chrome;
    const tab = (await c.tabs.query({})).find((t) => t.url === url);
    // As lib/messaging/tab-messages.ts's panelToggleMessage.
    if (tab?.id !== undefined) await c.tabs.sendMessage(tab.id, { backstoryPanelAction: { action: 'toggle' } });
  }, page.url());
}
