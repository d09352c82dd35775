// Security review 2's identity reproductions (R1/N1/N2, N3, N10, #7), against the background as the browser
// delivers messages: Netflix's reader gathers what a hostile page shows, one identifyEpisode message carries it,
// and the content script then does what its watched clock would. Each failed on the code before the identity
// policy moved into the background (lib/identity/policy.ts).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Sender, serve } from '../lib/messaging/protocol';
import { createBackstoryService } from '../lib/service/backstory-service';
import type { TabIdentity } from '../lib/service/core';
import { sessionTabStore } from '../lib/service/now-watching-store';
import { MIN_BETWEEN_EPISODES_MS, MIN_PLAYING_MS } from '../lib/service/watch-page';
import { observe, type PageReader } from '../lib/sites/netflix/identify';
import type { PageState } from '../lib/sites/netflix/page-bridge';
import { serverSaying } from './support/server';
import { testService as baseService } from './support/test-service';

const TAB = 7;
const contentScript = (): Sender => ({
  id: fakeBrowser.runtime.id,
  url: 'https://www.netflix.com/watch/90000101',
  tab: { id: TAB },
});
/** The panel's frame: an extension page framed in the Netflix tab (bound as its panel: see bindPanelFrame). */
const panelFrame = (): Sender => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/panel.html'),
  tab: { id: TAB, url: 'https://www.netflix.com/watch/90000101' },
  frameId: 3,
});

/** As the content script and its frame do (lib/messaging/panel-binding.ts): only the bound frame is answered. */
async function bindPanelFrame(): Promise<void> {
  const token = '1234567-89';
  const state = { identity: { status: 'detecting' }, open: false, layout: {} };
  await deliver('relayToPanel', { backstoryPanel: 1, token, state }, contentScript());
  expect(await deliver('claimPanelFrame', { token }, panelFrame())).toMatchObject({ ok: true });
}

async function deliver(type: string, data: unknown, sender: Sender): Promise<{ ok: boolean; value?: unknown; error?: string }> {
  let respond: (value: unknown) => void = () => {};
  const reply = new Promise<unknown>((resolve) => {
    respond = resolve;
  });
  await fakeBrowser.runtime.onMessage.trigger({ backstory: 1, type, data }, sender as never, respond as never);
  return reply as Promise<{ ok: boolean; value?: unknown; error?: string }>;
}

const HEARTSTOPPER = '81059939';
/** Netflix's own metadata for an episode of the fixture catalog (ids 9000 0000 + season × 100 + episode). */
const metadataOf = (videoId: string) => {
  const n = Number(videoId) - 90000000;
  return n > 100 && n < 400
    ? { titleId: HEARTSTOPPER, season: Math.floor(n / 100), episode: n % 100, episodeVideoId: videoId }
    : undefined;
};

/** The attacker of R1: it answers the page-world request and plants a hidden title block, both naming S/E. */
/**
 * Netflix's server as the background asks it (lib/sites/server-ask.ts): it knows the fixture catalog's episodes
 * while `netflix.up`; the page cannot reach it.
 */
const netflix = { up: true };
beforeEach(() => {
  netflix.up = true;
});
const testService = () => baseService({}, { askServer: serverSaying((id) => (netflix.up ? metadataOf(id) : undefined)) });

function attacker(videoId: string, season: number, episode: number): PageReader {
  const forged: PageState = {
    source: 'backstory-page',
    nonce: 'n',
    videoId,
    titleId: HEARTSTOPPER,
    showTitle: 'Heartstopper',
    season,
    episode,
  };
  return {
    pageState: async () => forged,
    videoId: () => videoId,
    titleParts: () => ['Heartstopper', `S${season}:E${episode}`, 'Forged'],
  };
}

async function identifyWith(reader: PageReader) {
  const reply = await deliver('identifyEpisode', await observe(reader), contentScript());
  expect(reply.ok, reply.error).toBe(true);
  return reply.value as { status: string; episodeId?: string; confirmed?: boolean };
}

/** As identifyWith, while Netflix's server does not answer (down, or the video is new to it). */
async function identifyWithoutNetflix(reader: PageReader) {
  netflix.up = false;
  try {
    return await identifyWith(reader);
  } finally {
    netflix.up = true;
  }
}

describe('the identity policy in the background (security review 2)', () => {
  it('R1/N1: a forged page reply and a hidden title block do not outvote Netflix’s metadata', async () => {
    const { svc } = testService();
    const stop = serve(svc);
    expect(await identifyWith(attacker('90000101', 3, 8))).toMatchObject({
      status: 'resolved',
      episodeId: 's1e1',
      confirmed: true,
    });
    // What was learned is the server's word, and the page's claim cannot be counted as watched.
    expect(await identifyWithoutNetflix(attacker('90000101', 3, 8))).toMatchObject({
      episodeId: 's1e1',
    });
    const recorded = await deliver('recordWatched', { showId: 'heartstopper', episodeId: 's3e8' }, contentScript());
    expect(recorded).toMatchObject({ ok: true, value: { status: 'unconfirmed' } });
    expect((await svc.getProgress({ showId: 'heartstopper' })).furthestOrdinal).toBe(0);
    stop();
  });

  it('N2: stepping one episode per visit, with the page’s word alone, never moves progress', async () => {
    const { svc } = testService();
    const stop = serve(svc);
    for (let k = 1; k <= 24; k++) {
      const season = k <= 8 ? 1 : k <= 16 ? 2 : 3;
      const episode = ((k - 1) % 8) + 1;
      // A new video id Netflix knows nothing of: only the page speaks.
      const guess = await identifyWith(attacker(String(99100000 + k), season, episode));
      expect(guess).toMatchObject({ status: 'resolved', confirmed: false });
      await deliver('recordWatched', { showId: 'heartstopper', episodeId: guess.episodeId }, contentScript());
    }
    expect((await svc.getProgress({ showId: 'heartstopper' })).furthestOrdinal).toBe(0);
    stop();
  });

  it('N3: an honest visit corrects a mapping the page poisoned, and a poisoned one alone is never confirmed', async () => {
    const { svc, deps } = testService();
    const stop = serve(svc);
    const db = await deps.getDb();
    await svc.warmUp();
    // What the code before this policy learned from two page signals (via 'page-world').
    await db.put('learned', {
      videoId: 'netflix:90000101',
      showId: 'heartstopper',
      episodeId: 's3e8',
      via: 'page-world',
      updatedAt: 1,
    });
    const silent: PageReader = {
      pageState: async () => undefined,
      videoId: () => '90000101',
      titleParts: () => undefined,
    };
    expect(await identifyWithoutNetflix(silent)).toMatchObject({ episodeId: 's3e8', confirmed: false });
    expect(await identifyWith(silent)).toMatchObject({
      episodeId: 's1e1',
      confirmed: true,
    });
    expect(await db.get('learned', 'netflix:90000101')).toMatchObject({ episodeId: 's1e1', via: 'metadata' });
    stop();
  });

  it('#7: after fast autoplay a stale "playing" session of the previous episode does not outrank the page’s id', async () => {
    const { svc } = testService();
    const stop = serve(svc);
    await identifyWith({ ...attacker('90000102', 1, 2), titleParts: () => undefined });
    const stale: PageState = {
      source: 'backstory-page',
      nonce: 'n',
      videoId: '90000102',
      titleId: HEARTSTOPPER,
      season: 1,
      episode: 2,
    };
    const afterAutoplay: PageReader = {
      pageState: async () => stale,
      videoId: () => '90000103',
      titleParts: () => undefined,
    };
    // Before Netflix answers for the new id, the stale session is not taken: look again shortly.
    expect(await identifyWithoutNetflix(afterAutoplay)).toMatchObject({ status: 'waiting' });
    expect(await identifyWith(afterAutoplay)).toMatchObject({ status: 'resolved', episodeId: 's1e3', confirmed: true });
    stop();
  });

  it('N10: "the viewer confirmed" and a correction come only from an extension page, never the content script', async () => {
    const { svc } = testService();
    const stop = serve(svc);
    await identifyWith({ ...attacker('90000105', 1, 5), titleParts: () => undefined });
    // A compromised content script may claim the viewer said yes, or correct the episode: refused.
    const claim = await deliver('recordWatched', { showId: 'heartstopper', episodeId: 's3e8', confirmed: true }, contentScript());
    expect(claim).toMatchObject({ ok: false });
    expect(await deliver('confirmWatched', { showId: 'heartstopper', episodeId: 's1e5' }, contentScript())).toEqual({
      ok: false,
      error: 'Refused confirmWatched: it is not available to content scripts',
    });
    const correction = { videoId: '90000105', showId: 'heartstopper', episodeId: 's3e8' };
    expect(await deliver('correctEpisode', correction, contentScript())).toEqual({
      ok: false,
      error: 'Refused correctEpisode: it is not available to content scripts',
    });
    // Nor can it ask to learn: the message has no such field, and names no writer.
    const learn = await deliver('identifyEpisode', { videoId: '90000105', signals: [], learn: true }, contentScript());
    expect(learn).toMatchObject({ ok: false });
    const writer = { kind: 'page-world', writer: 'server', value: { titleId: HEARTSTOPPER, season: 3, episode: 8 } };
    expect(await deliver('identifyEpisode', { videoId: '90000105', signals: [writer] }, contentScript())).toMatchObject({
      ok: false,
    });
    expect((await svc.getProgress({ showId: 'heartstopper' })).furthestOrdinal).toBe(0);

    // The panel's frame, an extension page in that tab: "Count it" counts the episode the tab plays, and only it.
    await bindPanelFrame();
    expect(await deliver('confirmWatched', { showId: 'heartstopper', episodeId: 's3e8' }, panelFrame())).toMatchObject({
      ok: false,
    });
    expect(await deliver('confirmWatched', { showId: 'heartstopper', episodeId: 's1e5' }, panelFrame())).toMatchObject({
      ok: true,
      value: { status: 'recorded' },
    });
    // Its correction is the viewer's answer: confirmed on the next identification, whatever the page says.
    expect(await deliver('correctEpisode', { ...correction, episodeId: 's1e6' }, panelFrame())).toMatchObject({ ok: true });
    expect(await identifyWith(attacker('90000105', 3, 8))).toMatchObject({
      episodeId: 's1e6',
      via: 'correction',
      confirmed: true,
    });
    stop();
  });

  it('keeps a correction only for the video the tab last showed, never another id (trust audit 3 F5, Prime audit 1 F1)', async () => {
    const { svc } = testService();
    const stop = serve(svc);
    await identifyWith({ ...attacker('90000105', 1, 5), titleParts: () => undefined });
    await bindPanelFrame();
    // An id the tab is not showing (the page swapped it, or autoplay moved on, since the viewer was asked): refused.
    const elsewhere = { videoId: '90000107', showId: 'heartstopper', episodeId: 's1e6' };
    expect(await deliver('correctEpisode', elsewhere, panelFrame())).toEqual({
      ok: false,
      error: 'Refused correctEpisode: that video is not the one this tab shows',
    });
    expect(await identifyWith({ ...attacker('90000107', 1, 7), titleParts: () => undefined })).toMatchObject({
      episodeId: 's1e7',
      via: 'metadata',
    });
    // The video it shows now: kept.
    expect(await deliver('correctEpisode', elsewhere, panelFrame())).toMatchObject({ ok: true });
    stop();
  });

  it('counts an episode the server confirmed in this tab, once it has played there a while, one past the furthest', async () => {
    const { svc } = testService();
    const stop = serve(svc);
    const clock = vi.spyOn(Date, 'now');
    clock.mockReturnValue(1_000_000);
    await identifyWith({ ...attacker('90000101', 1, 1), titleParts: () => undefined });
    // N2 with real ids: the page names a real episode's id and seeks Netflix's own video into its credits, which
    // fires the browser's own events. Too soon: nothing counts.
    expect(await deliver('recordWatched', { showId: 'heartstopper', episodeId: 's1e1' }, contentScript())).toMatchObject({
      value: { status: 'too-soon' },
    });
    // Identified again (autoplay, the title showing): the time it has played there is kept.
    clock.mockReturnValue(1_000_000 + MIN_PLAYING_MS - 1);
    await identifyWith({ ...attacker('90000101', 1, 1), titleParts: () => undefined });
    clock.mockReturnValue(1_000_000 + MIN_PLAYING_MS);
    expect(await deliver('recordWatched', { showId: 'heartstopper', episodeId: 's1e1' }, contentScript())).toMatchObject({
      value: { status: 'recorded' },
    });
    // Another tab's confirmation is not this one's.
    const otherTab = { ...contentScript(), tab: { id: 8 } };
    await identifyWith({ ...attacker('90000102', 1, 2), titleParts: () => undefined });
    clock.mockReturnValue(1_000_000 + 3 * MIN_PLAYING_MS);
    expect(await deliver('recordWatched', { showId: 'heartstopper', episodeId: 's1e2' }, otherTab)).toMatchObject({
      value: { status: 'unconfirmed' },
    });
    stop();
  });

  it('trust audit F1: a page naming real ids in several tabs moves a show at most one episode per spacing', async () => {
    const { svc } = testService();
    const stop = serve(svc);
    const clock = vi.spyOn(Date, 'now');
    clock.mockReturnValue(5_000_000);
    // Two tabs, each pointed by the page at the next real episode's id, identified at once (the server vouches).
    const tabOf = (id: number): Sender => ({ ...contentScript(), tab: { id } });
    for (const [tab, videoId, episode] of [
      [21, '90000101', 1],
      [22, '90000102', 2],
    ] as const) {
      const reply = await deliver(
        'identifyEpisode',
        await observe({ ...attacker(videoId, 1, episode), titleParts: () => undefined }),
        tabOf(tab),
      );
      expect(reply.ok).toBe(true);
    }
    clock.mockReturnValue(5_000_000 + MIN_PLAYING_MS);
    const first = await deliver('recordWatched', { showId: 'heartstopper', episodeId: 's1e1' }, tabOf(21));
    expect(first).toMatchObject({ value: { status: 'recorded' } });
    // The second tab's episode, at the same moment: no viewer watches two episodes of one show at once.
    const second = await deliver('recordWatched', { showId: 'heartstopper', episodeId: 's1e2' }, tabOf(22));
    expect(second).toMatchObject({ value: { status: 'too-soon' } });
    clock.mockReturnValue(5_000_000 + MIN_PLAYING_MS + MIN_BETWEEN_EPISODES_MS);
    expect(await deliver('recordWatched', { showId: 'heartstopper', episodeId: 's1e2' }, tabOf(22))).toMatchObject({
      value: { status: 'recorded' },
    });
    stop();
  });

  it('trust audit F3, F6: "now watching" and "Count it" follow only an episode the background confirmed', async () => {
    const { svc, deps } = testService();
    const stop = serve(svc);
    // A page-only guess (no metadata): unconfirmed.
    expect(await identifyWith({ ...attacker('99100308', 3, 8), titleParts: () => undefined })).toMatchObject({
      confirmed: false,
    });
    // The content script has no say: the message that once let it report what plays is gone.
    expect(await deliver('reportNowWatching', { showId: 'heartstopper', episodeId: 's3e8' }, contentScript())).toMatchObject({
      ok: false,
    });
    expect(await deps.nowWatching.get(TAB)).toBeUndefined();
    await bindPanelFrame();
    expect(await deliver('confirmWatched', { showId: 'heartstopper', episodeId: 's3e8' }, panelFrame())).toMatchObject({
      ok: false,
    });
    expect((await svc.getProgress({ showId: 'heartstopper' })).furthestOrdinal).toBe(0);
    // Confirmed by the server: now watching is what the tab plays.
    await identifyWith({ ...attacker('90000103', 1, 3), titleParts: () => undefined });
    expect(await deps.nowWatching.get(TAB)).toEqual({ showId: 'heartstopper', episodeId: 's1e3' });
    // A page-only guess about another episode takes it away.
    await identifyWithoutNetflix({ ...attacker('99100308', 3, 8), titleParts: () => undefined });
    expect(await deps.nowWatching.get(TAB)).toBeUndefined();
    stop();
  });

  it('the server’s word comes only from the background’s own request: a content script cannot name it', async () => {
    const server = serverSaying(metadataOf);
    const { svc } = baseService({}, { askServer: server });
    const stop = serve(svc);
    // A compromised content script (or page renderer) claims Netflix's metadata itself: refused whole.
    for (const kind of ['metadata', 'page-metadata']) {
      const claim = { videoId: '99100308', signals: [{ kind, value: { titleId: HEARTSTOPPER, season: 3, episode: 8 } }] };
      expect(await deliver('identifyEpisode', claim, contentScript())).toMatchObject({ ok: false });
    }
    // Nor can it make the background ask another origin (the route is left out), or about an id of another shape
    // than Netflix's (nothing is asked); the rest of the message stands.
    for (const ask of [{ videoId: '90000101', pageRoute: '//evil.example' }, { videoId: 'B0ABCDEFGH' }])
      expect(await deliver('identifyEpisode', { videoId: '90000101', signals: [], ask }, contentScript())).toMatchObject({
        ok: true,
      });
    expect(server.asked).toEqual([{ tabId: TAB, videoId: '90000101', pageRoute: undefined }]);
    expect((await svc.getProgress({ showId: 'heartstopper' })).furthestOrdinal).toBe(0);
    stop();
  });

  it('hears a page-world reply only when every field it names is in shape, and keeps the rest of the message', async () => {
    const { svc } = testService();
    const stop = serve(svc);
    const page = { videoId: '99100305', titleId: HEARTSTOPPER, showTitle: 'Heartstopper', season: 3, episode: 5 };
    // What the content script passes on unchecked (lib/sites/netflix/page-bridge.ts): each of these is not heard.
    for (const forged of [
      { ...page, videoId: '123abc' },
      { ...page, titleId: 'B0ABCDEFGH' },
      { ...page, episode: -1 },
      { ...page, season: 1000 },
      { ...page, showTitle: 'y'.repeat(600) },
      { ...page, showTitle: { toString: 'x' } },
      { ...page, writer: 'server' },
      JSON.parse('{"__proto__":{"polluted":true},"season":3,"episode":5}'),
      'S3E5',
    ]) {
      const observed = { videoId: '99100305', signals: [{ kind: 'page-world', value: forged }] };
      expect(await deliver('identifyEpisode', observed, contentScript())).toEqual({
        ok: true,
        value: expect.objectContaining({ status: 'unknown', reason: 'no-signal' }),
      });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // In shape: heard, as a guess.
    const heard = await deliver(
      'identifyEpisode',
      { videoId: '99100305', signals: [{ kind: 'page-world', value: page }] },
      contentScript(),
    );
    expect(heard).toMatchObject({ ok: true, value: { status: 'resolved', episodeId: 's3e5', confirmed: false } });
    // Its texts are cleaned of invisible and direction-changing characters (markup stays text: never parsed).
    const film = { videoId: '99100306', showTitle: '<img src=x onerror=alert(1)>\u202e\u200bSome Film' };
    const named = await deliver(
      'identifyEpisode',
      { videoId: '99100306', signals: [{ kind: 'page-world', value: film }] },
      contentScript(),
    );
    expect(named).toMatchObject({ ok: true, value: { status: 'unknown', title: '<img src=x onerror=alert(1)> Some Film' } });
    stop();
  });

  it('asks Netflix inside the one identification message, once, for the sender’s tab (≤ 2 messages per episode)', async () => {
    const server = serverSaying(metadataOf);
    const { svc } = baseService({}, { askServer: server });
    const stop = serve(svc);
    const sent: string[] = [];
    const listener = (message: { type?: string }) => void sent.push(message.type ?? '');
    fakeBrowser.runtime.onMessage.addListener(listener);
    const reader: PageReader = { ...attacker('90000104', 1, 4), titleParts: () => undefined };
    expect(await identifyWith(reader)).toMatchObject({ status: 'resolved', episodeId: 's1e4', confirmed: true });
    fakeBrowser.runtime.onMessage.removeListener(listener);
    expect(sent).toEqual(['identifyEpisode']);
    expect(server.asked).toEqual([{ tabId: TAB, videoId: '90000104', pageRoute: undefined }]);
    stop();
  });

  it('keeps what it identified in a tab across a stopped service worker (storage.session)', async () => {
    const { deps } = testService();
    const clock = vi.spyOn(Date, 'now');
    clock.mockReturnValue(5_000_000);
    const first = createBackstoryService({ ...deps, identities: sessionTabStore<TabIdentity>('identity') });
    const observed = await observe({ ...attacker('90000103', 1, 3), titleParts: () => undefined });
    await first.identifyEpisode(observed, { tabId: TAB, site: 'netflix' });
    // A new worker: a new service and a new store over the same session storage.
    const second = createBackstoryService({ ...deps, identities: sessionTabStore<TabIdentity>('identity') });
    clock.mockReturnValue(5_000_000 + MIN_PLAYING_MS);
    expect(await second.recordWatched({ showId: 'heartstopper', episodeId: 's1e3' }, { tabId: TAB })).toMatchObject({
      status: 'confirm',
    });
  });
});
