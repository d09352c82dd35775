import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { heartstopper } from '../../tests/support/packs';
import { serverSaying } from '../../tests/support/server';
import { testService } from '../../tests/support/test-service';
import { openBackstoryDb } from '../db/schema';
import { send, serve } from '../messaging/protocol';

describe('the background service', () => {
  it('seeds on first use and answers an episode context within the horizon', async () => {
    const { svc } = testService();
    const ctx = await svc.getEpisodeContext({ showId: 'heartstopper', episodeId: 's1e2' });
    expect(ctx?.episode.title).toBe('Crush');
    expect(ctx?.reading).toEqual({ readVolume: 0, volumeCount: 6, watchedUpTo: null, placed: false });
  });

  it('uses the furthest episode watched as the horizon by default', async () => {
    const { svc } = testService();
    await svc.confirmWatched({ showId: 'heartstopper', episodeId: 's1e8' });
    const ctx = await svc.getEpisodeContext({ showId: 'heartstopper', episodeId: 's1e1' });
    expect(JSON.stringify(ctx)).toContain('become boyfriends');
    const current = testService({ guard: 'current' });
    await current.svc.confirmWatched({ showId: 'heartstopper', episodeId: 's1e8' });
    expect(JSON.stringify(await current.svc.getEpisodeContext({ showId: 'heartstopper', episodeId: 's1e1' }))).not.toContain(
      'become boyfriends',
    );
  });

  it.each([
    ['a missing field', { showId: 'heartstopper' }],
    ['a wrong type', { showId: 7, episodeId: 's1e1' }],
    ['an extra key', { showId: 'heartstopper', episodeId: 's1e1', __proto__: { polluted: true }, constructor: 'x' }],
    ['a huge string', { showId: 'x'.repeat(100_000), episodeId: 's1e1' }],
    ['markup', { showId: '<img src=x>', episodeId: 's1e1' }],
    ['not an object', 'getEpisodeContext'],
  ])('rejects a message with %s and keeps working', async (_label, data) => {
    const { svc } = testService();
    await expect(svc.getEpisodeContext(data)).rejects.toThrow(/Invalid getEpisodeContext message/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await svc.getEpisodeContext({ showId: 'heartstopper', episodeId: 's1e1' }))?.episode.id).toBe('s1e1');
  });

  it('tells open panels when user data changes', async () => {
    const { svc, changes } = testService();
    await svc.setReadVolume({ showId: 'heartstopper', volume: 2 });
    await svc.resetProgress();
    expect(changes()).toBe(2);
  });

  it('keeps "now watching" per tab, once the background confirmed that episode there', async () => {
    const metadata = { titleId: '81059939', season: 2, episode: 1, episodeVideoId: '90000201' };
    const { svc } = testService({}, { askServer: serverSaying(() => metadata) });
    await svc.identifyEpisode({ videoId: '90000201', signals: [], ask: { videoId: '90000201' } }, { tabId: 7, site: 'netflix' });
    expect(await svc.getNowWatching({ tabId: 7 })).toMatchObject({ code: 'S2 · E1', title: 'Out' });
    expect(await svc.getNowWatching({ tabId: 8 })).toBeNull();
  });

  it('refuses a broken pack import and leaves the cache as it was', async () => {
    const { svc } = testService();
    const before = await svc.getStats();
    const broken = { ...heartstopper(), version: '2.0.0', characters: [{ id: 'x' }] };
    const result = await svc.importPack(broken);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.some((i) => i.path.startsWith('characters.0'))).toBe(true);
    expect((await svc.getStats()).packs).toEqual(before.packs);
  });
});

describe('a database emptied under the running worker (review B13)', () => {
  it('is seeded again on the next request, not only at the next start', async () => {
    const { svc } = testService();
    await svc.warmUp();
    const db = await openBackstoryDb();
    const tx = db.transaction(['packs', 'shows', 'episodes', 'entities'], 'readwrite');
    await Promise.all([...tx.objectStoreNames].map((name) => tx.objectStore(name).clear()).concat(tx.done));
    expect((await svc.listEpisodes({ showId: 'heartstopper' })).length).toBe(24);
  });
});

describe('a pack that reuses another pack’s show (review B11)', () => {
  it('is refused, saying which, unless the viewer confirms; the replaced pack then stays replaced until re-seeded', async () => {
    const { svc } = testService();
    await svc.warmUp();
    const other = { ...heartstopper(), id: 'totally-different-pack', version: '1.0.0' };
    const first = other.episodes[0];
    if (first) first.title = 'Replaced';
    expect(await svc.importPack(other)).toEqual({
      ok: false,
      replaces: { packId: 'heartstopper', showTitle: 'Heartstopper' },
      issues: [{ path: 'show', message: 'This pack would replace “Heartstopper” from the pack “heartstopper”.' }],
    });
    expect((await svc.listEpisodes({ showId: 'heartstopper' }))[0]?.title).toBe('Meet');
    expect(await svc.importPack({ pack: other, replace: true })).toMatchObject({ ok: true });
    expect((await svc.listEpisodes({ showId: 'heartstopper' }))[0]?.title).toBe('Replaced');
    // A new start does not quietly undo the viewer's choice; re-seeding the bundled data does, on purpose.
    await svc.warmUp();
    const { svc: restarted } = testService();
    await restarted.warmUp();
    expect((await restarted.listEpisodes({ showId: 'heartstopper' }))[0]?.title).toBe('Replaced');
    await restarted.reseed();
    expect((await restarted.listEpisodes({ showId: 'heartstopper' }))[0]?.title).toBe('Meet');
  });
});

describe('messaging', () => {
  it('answers typed messages and turns a bad one into an error reply', async () => {
    const { svc } = testService();
    const stop = serve(svc);
    expect((await send('listEpisodes', { showId: 'heartstopper' })).length).toBe(24);
    await expect(send('getEpisodeContext', { showId: 'heartstopper' } as never)).rejects.toThrow(/Invalid getEpisodeContext/);
    // Messages that are not Backstory's are ignored, not answered with an error.
    expect(await fakeBrowser.runtime.sendMessage({ type: 'getStats' }).catch(() => 'no answer')).not.toMatchObject({ ok: true });
    stop();
  });

  it('asks once more when the worker went away before answering, and not for real errors', async () => {
    const { svc } = testService();
    const stop = serve(svc);
    const real = fakeBrowser.runtime.sendMessage.bind(fakeBrowser.runtime);
    const spy = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockRejectedValueOnce(new Error('The message port closed before a response was received.'))
      .mockImplementation(real);
    expect((await send('listEpisodes', { showId: 'heartstopper' })).length).toBe(24);
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockClear();
    spy.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    await expect(send('listEpisodes', { showId: 'heartstopper' })).rejects.toThrow(/context invalidated/);
    expect(spy).toHaveBeenCalledTimes(1);
    stop();
  });
});
