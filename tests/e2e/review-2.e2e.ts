// Security review 2 (../shared/reference/security-review-2.md): the page's own copy of the panel, another tab's
// content script, and the player left whole when the extension goes away.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { togglePanel } from '../harness/panel-frame';
import { PANEL_FRAME, panel, panelEpisode, panelFrame, useExtension, watch } from './support';

const env = useExtension();
type Reply = { ok: boolean; value?: unknown; error?: string };
type Chrome = { chrome: { runtime: { sendMessage(m: unknown): Promise<Reply> } } };

/** The page frames its own copy of panel.html, with the real frame's address (token and all), invisible, over it. */
async function frameACopy(page: Page): Promise<Frame> {
  const before = new Set(page.frames());
  await page.evaluate(() => {
    const real = document.querySelector('iframe[data-backstory]') as HTMLIFrameElement;
    const copy = document.createElement('iframe');
    copy.src = real.src;
    copy.id = 'attacker-copy';
    copy.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;opacity:0.001;z-index:2147483647;border:0';
    return new Promise((resolve) => {
      copy.addEventListener('load', resolve, { once: true });
      document.body.append(copy);
    });
  });
  const copy = page.frames().find((f) => !before.has(f) && f.url().includes('/panel.html'));
  if (!copy) throw new Error('the copy did not load');
  return copy;
}

/** Evaluates in the content script's isolated world of a tab, as a compromised renderer could (review N12). */
async function inContentScript(page: Page, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(env.browser.extensionId));
  if (!world) throw new Error('no content script world in the page');
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value;
}

describe('security review 2', () => {
  it('gives a copy of the panel the page framed itself no state and no voice, and keeps the real one working (R2, N5)', async () => {
    const page = await env.newPage();
    await watch(page, 1, 2);
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E2 Crush');
    const copy = await frameACopy(page);

    // The copy's own requests, as its code (or a click in it) would make them: every one refused.
    const ask = (message: unknown) =>
      copy.evaluate((m) => (globalThis as unknown as Chrome).chrome.runtime.sendMessage(m), message);
    expect(await ask({ backstory: 1, type: 'relayToPanelHost', data: { action: 'hello' } })).toMatchObject({ ok: false });
    expect(await ask({ backstory: 1, type: 'relayToPanelHost', data: { action: 'confirmWatched', yes: true } })).toMatchObject({
      ok: false,
    });
    expect(await ask({ backstory: 1, type: 'placeViewer', data: { showId: 'heartstopper', episodeId: 's3e8' } })).toMatchObject({
      ok: false,
    });
    expect(
      await ask({ backstory: 1, type: 'revealItem', data: { showId: 'heartstopper', season: 1, handle: 'x' } }),
    ).toMatchObject({
      ok: false,
    });

    // The real panel changes state (opened, then closed by the viewer's shortcut); the copy hears none of it.
    await togglePanel(env.browser.serviceWorker, page);
    await panel(page).locator('.bs-handle').waitFor({ timeout: 10_000 });
    await togglePanel(env.browser.serviceWorker, page);
    await panel(page).locator('.bs-panel').waitFor({ timeout: 10_000 });
    expect(await copy.evaluate(() => document.getElementById('app')?.innerHTML)).toBe('');

    // A trusted click where the copy lies over the real panel reaches nothing; the real frame still answers.
    const box = await page.locator(PANEL_FRAME).first().boundingBox();
    if (!box) throw new Error('no panel frame');
    await page.mouse.click(box.x + box.width / 2, box.y + 20);
    const progress = await (await panelFrame(page)).evaluate(() =>
      (globalThis as unknown as Chrome).chrome.runtime.sendMessage({
        backstory: 1,
        type: 'getProgress',
        data: { showId: 'heartstopper' },
      }),
    );
    expect(progress).toMatchObject({ ok: true, value: { furthestOrdinal: 0 } });
    expect(await copy.evaluate(() => document.getElementById('app')?.innerHTML)).toBe('');
    await page.close();
  });

  it('refuses a panel state another tab’s content script sends with this tab’s token (R4, N12)', async () => {
    const a = await env.newPage();
    await watch(a, 1, 2);
    await expect.poll(() => panelEpisode(a)).toBe('S1 · E2 Crush');
    // All the page can read of the frame is its address: no token in it any more (it was, review N4).
    const src = (await a.locator(PANEL_FRAME).getAttribute('src')) ?? '';
    expect(src).not.toContain('#t=');
    const token = new URLSearchParams(new URL(src).hash.slice(1)).get('t') ?? '1-2-3-4';
    const b = await env.newPage();
    await watch(b, 1, 3);
    await expect.poll(() => panelEpisode(b)).toBe('S1 · E3 Kiss');
    await inContentScript(
      b,
      `(async () => {
        const settings = (await chrome.runtime.sendMessage({ backstory: 1, type: 'getSettings' })).value;
        await chrome.runtime.sendMessage({ backstoryPanel: 1, token: ${JSON.stringify(token)}, state: {
          view: { status: 'unknown', reason: 'unknown-show', title: 'FORGED FROM TAB B' }, open: true, settings,
          shortcut: '', layout: { maxHeight: 600, fontSize: 16, column: false } } });
      })()`,
    );
    expect(await panel(a).locator('body').innerText()).not.toContain('FORGED');
    expect(await panelEpisode(a)).toBe('S1 · E2 Crush');
    await a.close();
    await b.close();
  });

  // A check of the binding itself (review N28 re-run against it), not a break of the review.
  it('never hands the token to a page the page navigated the real frame to, and rebinds the panel reloaded (N28)', async () => {
    const page = await env.newPage();
    // In every frame of the tab, before its scripts: what is posted into it.
    await page.addInitScript(() => {
      const got: unknown[] = [];
      (window as unknown as { __got: unknown[] }).__got = got;
      addEventListener('message', (event) => got.push(event.data));
    });
    await watch(page, 1, 2);
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E2 Crush');
    // The page sends the real frame to a page of its own: the content script's token goes nowhere.
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const frame = document.querySelector('iframe[data-backstory]') as HTMLIFrameElement;
          frame.addEventListener('load', resolve, { once: true });
          frame.src = 'https://www.netflix.com/attacker-frame';
        }),
    );
    const hijacked = page.frames().find((f) => f.url().includes('/attacker-frame'));
    if (!hijacked) throw new Error('the page could not navigate the frame');
    // Nothing to wait for (what is checked is that nothing comes): the content script's load handler gets a turn.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    const got = (await hijacked.evaluate(() => (window as unknown as { __got: unknown[] }).__got)).filter(
      (data) => typeof data === 'string' && /^[\d-]{7,60}$/.test(data),
    );
    expect(got).toEqual([]);
    // Sent back to the panel page (a new document in the frame Backstory made), it is bound again and works.
    await page.evaluate((url) => {
      (document.querySelector('iframe[data-backstory]') as HTMLIFrameElement).src = url;
    }, `chrome-extension://${env.browser.extensionId}/panel.html`);
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E2 Crush');
    await page.close();
  });

  // Last: it turns the extension off (and on again for the browser's clean-up).
  it('gives Netflix its whole player back within 2 s, without a reload, when the extension is disabled (R8, N25)', async () => {
    const page = await env.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await watch(page, 1, 3);
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E3 Kiss');
    await (await panelFrame(page)).evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { sync: { set(items: object): Promise<void> } } } }).chrome.storage.sync.set(
        { 'setting:panelMode': { value: 'side', at: Date.now() } },
      ),
    );
    const videoWidth = () => page.locator('video').evaluate((v) => Math.round(v.getBoundingClientRect().width));
    await expect.poll(videoWidth).toBeLessThan(1280);

    const settings = await env.browser.context.newPage();
    await settings.goto('chrome://extensions');
    const setEnabled = (on: boolean) =>
      settings.evaluate(
        ([id, enabled]) =>
          (
            globalThis as unknown as { chrome: { management: { setEnabled(id: string, on: boolean): Promise<void> } } }
          ).chrome.management.setEnabled(id as string, enabled as boolean),
        [env.browser.extensionId, on] as const,
      );
    await setEnabled(false);
    const off = Date.now();
    await expect.poll(videoWidth, { timeout: 2_000 }).toBe(1280);
    await expect.poll(() => page.locator(PANEL_FRAME).count(), { timeout: 2_000 - (Date.now() - off) }).toBe(0);
    console.info(`player whole ${Date.now() - off} ms after the extension was disabled`);
    expect((await page.locator('.watch-video--player-view').getAttribute('style')) ?? '').not.toContain('calc(');
    await setEnabled(true);
    await settings.close();
    await page.close();
  });
});
