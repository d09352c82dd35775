// Episode identification in real Chromium against the imitation Netflix player.
import { describe, expect, it } from 'vitest';
import { SELECTOR_TABLE } from '../../lib/netflix/selectors';
import { fixtureId, PANEL, panelEpisode, useExtension, watch } from './support';

const env = useExtension();

describe('identifying the episode on screen', () => {
  it('uses every signal when all are present', async () => {
    const page = await env.newPage();
    await watch(page, 1, 3);
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E3 Kiss');
    await page.close();
  });

  it('works without the page-world API, from the metadata JSON', async () => {
    const page = await env.newPage();
    const before = env.server.metadataRequests.length;
    await watch(page, 2, 6, '?pageApi=0');
    await expect.poll(() => panelEpisode(page)).toBe('S2 · E6 Truth/Dare');
    expect(env.server.metadataRequests.length).toBeGreaterThan(before);
    await page.close();
  });

  it('remembers a video id, so the next visit needs no request', async () => {
    const page = await env.newPage();
    await watch(page, 2, 6, '?pageApi=0');
    const before = env.server.metadataRequests.length;
    await expect.poll(() => panelEpisode(page)).toBe('S2 · E6 Truth/Dare');
    expect(env.server.metadataRequests.length).toBe(before);
    await page.close();
  });

  it('waits for hidden controls and reads a German title label when nothing else answers', async () => {
    const page = await env.newPage();
    await watch(page, 1, 5, '?pageApi=0&metadata=0&controls=hidden&lang=de');
    await expect.poll(() => page.locator('backstory-panel .bs-unknown').count()).toBe(1);
    await page.mouse.move(400, 300);
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E5 Friend');
    await page.close();
  });

  it('follows autoplay to the next episode across a season boundary', async () => {
    const page = await env.newPage();
    await watch(page, 1, 8);
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E8 Boyfriend');
    await page.evaluate(() => (window as unknown as { __fixture: { autoplayNext(): void } }).__fixture.autoplayNext());
    await expect.poll(() => panelEpisode(page)).toBe('S2 · E1 Out');
    expect(page.url()).toContain(`/watch/${fixtureId(2, 1)}`);
    await page.close();
  });

  it('wakes on in-app navigation from /browse to /watch, and goes away on leaving', async () => {
    const page = await env.newPage();
    await page.goto('http://www.netflix.com/browse');
    await page.waitForTimeout(300);
    expect(await page.locator('backstory-panel').count()).toBe(0);
    await page.click('[data-uia="title-card"]');
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E1 Meet');
    await page.evaluate(() => (window as unknown as { __fixture: { navigate(p: string): void } }).__fixture.navigate('/browse'));
    await expect.poll(() => page.locator('backstory-panel').count()).toBe(0);
    await page.close();
  });

  it('says plainly when it has no notes for a title, and stays small', async () => {
    const page = await env.newPage();
    await page.goto(`http://www.netflix.com/watch/90009901`);
    const unknown = page.locator('backstory-panel .bs-unknown');
    await expect.poll(() => unknown.textContent()).toContain('Backstory has no notes for “A Show Backstory Does Not Know” yet.');
    const box = await page.locator(PANEL).boundingBox();
    expect(box?.height ?? 999).toBeLessThan(200);
    await page.close();
  });

  it('renders a title containing markup as text, and runs none of it', async () => {
    const page = await env.newPage();
    await page.goto(`http://www.netflix.com/watch/90009902`);
    const title = page.locator('backstory-panel .bs-detected-title');
    await expect.poll(() => title.textContent()).toBe('<img src=x onerror="window.__pwned=1"><b>Markup</b> & Co');
    expect(await page.locator('backstory-panel .bs-unknown img, backstory-panel .bs-unknown b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('finds every entry of the selector table in the imitation player', async () => {
    const page = await env.newPage();
    await watch(page, 1, 1);
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E1 Meet');
    await page.mouse.move(300, 300);
    for (const [name, list] of Object.entries(SELECTOR_TABLE)) {
      const matched = await page.evaluate((sels) => sels.filter((s) => document.querySelector(s)), [...list]);
      expect(matched.length, `${name}: ${list.join(', ')}`).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('raised no errors in the pages or the service worker', () => {
    expect(env.pageErrors).toEqual([]);
    expect(env.workerErrors).toEqual([]);
  });
});
