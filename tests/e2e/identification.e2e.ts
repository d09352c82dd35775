// Episode identification in real Chromium against the imitation Netflix player, rebuilt on the evidence of
// shared/reference/netflix-real-evidence.md (tests/fixtures/netflix/app.js marks each detail EVIDENCE or GUESS;
// where a test touches a guess it runs both ways).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { KEEP_CLEAR, SELECTOR_TABLE } from '../../lib/sites/netflix/selectors';
import { SELECTOR_PAGES } from '../fixtures/netflix/selector-counts';
import { fixtureId, HANDLE, openPanel, PANEL, PANEL_FRAME, panel, panelEpisode, useExtension, watch } from './support';

const env = useExtension();
type Fixture = { __fixture: { autoplayNext(): void; navigate(p: string): void; state: { sessions: { id: string }[] } } };
const fixture = (page: Page) => page.evaluate(() => (window as unknown as Fixture).__fixture.state.sessions.map((s) => s.id));
const unknownText = (page: Page) => panel(page).locator('.bs-unknown').textContent({ timeout: 10_000 });

describe('identifying the episode on screen', () => {
  it('uses every signal when all are present', async () => {
    const page = await env.newPage();
    await watch(page, 1, 3);
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E3 Kiss');
    await page.close();
  });

  it('reads the 2021-23 page world (_metadata.video) too', async () => {
    const page = await env.newPage();
    await watch(page, 3, 2, '?world=legacy&metadata=0');
    await expect.poll(() => panelEpisode(page)).toBe('S3 · E2 Home');
    await page.close();
  });

  it('works with no page-world API at all, from the metadata JSON, and never asks the retired shakti route', async () => {
    const page = await env.newPage();
    const before = env.server.metadataRequests.length;
    await watch(page, 2, 6, '?world=none');
    await expect.poll(() => panelEpisode(page)).toBe('S2 · E6 Truth/Dare');
    const asked = env.server.metadataRequests.slice(before);
    expect(asked).toEqual([`/nq/website/memberapi/release/metadata?movieid=${fixtureId(2, 6)}&languages=en-US`]);
    await page.close();
  });

  it('asks Netflix from the background, with the viewer’s cookies, and its answer alone names the episode (review 2)', async () => {
    const page = await env.newPage();
    // No page world and no title block (the controls hidden): only Netflix's metadata can name the episode. The
    // imitation's route answers only a request carrying the viewer's session cookie, as the real one does: the
    // background's request goes with it (lib/sites/server-ask.ts), and the page never sees the answer.
    await watch(page, 2, 7, '?world=none&controls=hidden');
    await expect.poll(() => panelEpisode(page)).toMatch(/^S2 · E7/);
    await page.close();
  });

  it('remembers a video id, so the next visit needs no request', async () => {
    const page = await env.newPage();
    await watch(page, 2, 6, '?world=none');
    const before = env.server.metadataRequests.length;
    await expect.poll(() => panelEpisode(page)).toBe('S2 · E6 Truth/Dare');
    expect(env.server.metadataRequests.length).toBe(before);
    await page.close();
  });

  it('resolves the E3-only code of the English control bar by the episode title, once the controls show', async () => {
    const page = await env.newPage();
    await watch(page, 3, 4, '?world=none&metadata=0&controls=hidden');
    await openPanel(env, page);
    await expect.poll(() => unknownText(page)).toContain('could not tell');
    await page.mouse.move(400, 300);
    await expect.poll(() => panelEpisode(page)).toBe('S3 · E4 Journey');
    await page.close();
  });

  it('matches a German profile by Netflix id, from the page world and from the metadata', async () => {
    const page = await env.newPage();
    await watch(page, 2, 3, '?lang=de');
    await expect.poll(() => panelEpisode(page)).toBe('S2 · E3 Promise');
    await watch(page, 2, 4, '?lang=de&world=none');
    await expect.poll(() => panelEpisode(page)).toBe('S2 · E4 Challenge');
    await page.close();
  });

  it('never places a German "Flg. 5" in a season by text alone, and offers diagnostics without account data', async () => {
    const page = await env.newPage();
    await watch(page, 1, 5, '?world=none&metadata=0&lang=de');
    await openPanel(env, page);
    await expect.poll(() => unknownText(page)).toContain('Backstory has no notes for');
    await panel(page).getByRole('button', { name: 'Copy diagnostics' }).click();
    const report = await panel(page).getByRole('textbox', { name: 'Diagnostics' }).inputValue();
    expect(report).toContain('Result: unknown');
    expect(report).toContain('Metadata request: failed: HTTP 404');
    expect(report).toContain('Title block: show “Herzklopfen”, S? E5');
    expect(report).toContain('VIDEO_ID_HOLDER 1/1');
    await page.close();
  });

  it('keeps the profile name, account id, e-mail, cookies and tracking ids out of the diagnostics', async () => {
    const page = await env.newPage();
    await page.goto('https://www.netflix.com/watch/90009901?trackId=14170286&tctx=secret');
    await openPanel(env, page);
    await panel(page).getByRole('button', { name: 'Copy diagnostics' }).click();
    const report = await panel(page).getByRole('textbox', { name: 'Diagnostics' }).inputValue();
    expect(report).toContain('Page world: player yes');
    // The imitation puts a profile, an account and a session cookie where Netflix keeps them.
    expect(await page.evaluate(() => document.cookie)).toContain('fixture-secret-session-cookie');
    expect(report).not.toMatch(
      /Fixture Profile Name|FIXTUREGUID0042|viewer@example\.test|fixture-secret-session-cookie|14170286|tctx/,
    );
    await page.close();
  });

  it('follows autoplay across a season boundary while the previous session stays listed first', async () => {
    const page = await env.newPage();
    await watch(page, 1, 8, '?stale=1');
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E8 Boyfriend');
    await page.evaluate(() => (window as unknown as Fixture).__fixture.autoplayNext());
    await expect.poll(() => panelEpisode(page)).toBe('S2 · E1 Out');
    expect(page.url()).toContain(`/watch/${fixtureId(2, 1)}`);
    // The stale session is really there, listed first (the old reader took it and reported S1E8); with both
    // listed, the page-world reader picks the session playing what [data-videoid] names.
    await expect.poll(() => fixture(page)).toEqual(['watch-1', 'watch-2']);
    const state = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          window.addEventListener('backstory:page-state', (e) => resolve((e as CustomEvent).detail), { once: true });
          // As the content script asks: a nonce, then the ids the page shows ([data-videoid], then the URL's).
          const shown = document.querySelector('[data-uia="player"][data-videoid]')?.getAttribute('data-videoid');
          const fromUrl = /\/watch\/(\d+)/.exec(location.pathname)?.[1];
          window.dispatchEvent(new CustomEvent('backstory:page-request', { detail: `probe ${shown ?? ''} ${fromUrl ?? ''}` }));
        }),
    );
    expect(JSON.parse(state)).toMatchObject({
      videoId: String(fixtureId(2, 1)),
      probe: expect.stringContaining('session page id'),
      season: 2,
      episode: 1,
    });
    expect(await panelEpisode(page)).toBe('S2 · E1 Out');
    await page.close();
  });

  for (const holder of ['episode', 'show'])
    it(`identifies the episode on a /watch/<showId> URL ([data-videoid] holding the ${holder}, a guess either way)`, async () => {
      for (const world of ['modern', 'none']) {
        const page = await env.newPage();
        await page.goto(`https://www.netflix.com/watch/81059939?videoid=${holder}&world=${world}`);
        await expect.poll(() => panelEpisode(page)).toBe('S1 · E1 Meet');
        await page.close();
      }
    });

  it('waits out a recap that plays first under another id, and never calls it a film or unknown', async () => {
    for (const world of ['modern', 'none']) {
      const page = await env.newPage();
      const seen: string[] = [];
      await watch(page, 2, 1, `?recap=1&world=${world}`);
      // Watch everything the panel shows on its way to the episode (it lives in its own frame).
      const look = setInterval(() => {
        const frame = page.frames().find((f) => f.url().includes('/panel.html'));
        void frame
          ?.evaluate(() => document.body.innerText)
          .then((text) => seen.push(text))
          .catch(() => undefined);
      }, 100);
      await expect.poll(() => panelEpisode(page)).toBe('S2 · E1 Out');
      clearInterval(look);
      expect(seen.length).toBeGreaterThan(5);
      expect(seen.filter((t) => /no notes|could not tell|Recap/.test(t))).toEqual([]);
      await page.close();
    }
  });

  it('matches by episode title when Netflix hides episode numbers', async () => {
    for (const world of ['modern', 'none']) {
      const page = await env.newPage();
      await watch(page, 2, 2, `?hidden=1&world=${world}`);
      await expect.poll(() => panelEpisode(page)).toBe('S2 · E2 Family');
      await page.close();
    }
  });

  it('wakes on in-app navigation from /browse to /watch, and goes away on leaving', async () => {
    const page = await env.newPage();
    await page.goto('https://www.netflix.com/browse');
    await page.waitForTimeout(300);
    expect(await page.locator(PANEL_FRAME).count()).toBe(0);
    await page.click('[data-uia="title-card"]');
    await expect.poll(() => panelEpisode(page)).toBe('S1 · E1 Meet');
    await page.evaluate(() => (window as unknown as Fixture).__fixture.navigate('/browse'));
    await expect.poll(() => page.locator(PANEL_FRAME).count()).toBe(0);
    await page.close();
  });

  it('stays closed on a title it has no notes for, and says so plainly when opened, staying small', async () => {
    const page = await env.newPage();
    await page.goto(`https://www.netflix.com/watch/90009901`);
    await page.waitForTimeout(1500);
    expect(await panel(page).locator(PANEL).count()).toBe(0);
    expect(await panel(page).locator(HANDLE).count()).toBe(1);
    await openPanel(env, page);
    await expect.poll(() => unknownText(page)).toContain('Backstory has no notes for “A Show Backstory Does Not Know” yet.');
    // With a one-line offer to look the title up (issue 17).
    await panel(page).getByRole('button', { name: 'Look up this title on TVmaze and Wikidata…' }).waitFor();
    const box = await panel(page).locator(PANEL).boundingBox();
    expect(box?.height ?? 999).toBeLessThan(200);
    await page.close();
  });

  it('renders a title containing markup as text, and runs none of it', async () => {
    const page = await env.newPage();
    await page.goto(`https://www.netflix.com/watch/90009902`);
    await openPanel(env, page);
    const title = panel(page).locator('.bs-detected-title');
    await expect.poll(() => title.textContent()).toBe('<img src=x onerror="window.__pwned=1"><b>Markup</b> & Co');
    expect(await panel(page).locator('.bs-unknown img, .bs-unknown b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });

  it.each(SELECTOR_PAGES.map((p) => [p.name, p] as const))('matches each selector as expected on %s', async (_name, named) => {
    const page = await env.newPage();
    await page.goto(`https://www.netflix.com${named.path}`);
    if (named.path.startsWith('/watch/')) await expect.poll(() => panelEpisode(page)).toBe('S1 · E1 Meet');
    if (named.wake) await page.mouse.move(300, 300);
    const count = (selectors: readonly string[]) =>
      page.evaluate((sels) => sels.map((s) => document.querySelectorAll(s).length), [...selectors]);
    for (const [name, list] of Object.entries(SELECTOR_TABLE))
      expect(await count(list), `${name} on ${named.name} (expected counts: tests/fixtures/netflix/selector-counts.ts)`).toEqual(
        named.counts[name as keyof typeof SELECTOR_TABLE],
      );
    const keepClear: Record<string, number[]> = {};
    for (const list of KEEP_CLEAR) keepClear[list[0]] = await count(list);
    expect(keepClear, `KEEP_CLEAR on ${named.name}`).toEqual(named.keepClear);
    await page.close();
  });

  it('raised no errors in the pages or the service worker', () => {
    expect(env.pageErrors).toEqual([]);
    expect(env.workerErrors).toEqual([]);
  });
});
