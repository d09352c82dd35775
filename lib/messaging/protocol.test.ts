// Caller privileges: the background answers each message only for callers allowed to make it.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serverSaying } from '../../tests/support/server';
import { testService } from '../../tests/support/test-service';
import { createCore, type ServiceDeps } from '../service/core';
import { contextAttacher } from '../service/panel-context';
import { watchPageMethods } from '../service/watch-page';
import { callerOf, FOR_CONTENT_SCRIPTS, MESSAGE_TYPES, type Sender, serve } from './protocol';

const extensionPage = (): Sender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
const contentScript = (): Sender => ({
  id: fakeBrowser.runtime.id,
  url: 'https://www.netflix.com/watch/90000101',
  tab: { id: 7 },
});

/** Delivers a message to the background's listener as the browser would, from the given sender. */
async function deliver(message: unknown, sender: Sender): Promise<unknown> {
  let respond: (value: unknown) => void = () => {};
  const reply = new Promise((resolve) => {
    respond = resolve;
  });
  const answered: unknown[] = await fakeBrowser.runtime.onMessage.trigger(message, sender as never, respond as never);
  return answered.some((r) => r === true) ? reply : 'no answer';
}

describe('caller privileges', () => {
  it('tells an extension page, a content script and a stranger apart by what the browser says', () => {
    expect(callerOf(extensionPage())).toBe('extension-page');
    expect(callerOf({ ...extensionPage(), tab: { id: 3 } })).toBe('extension-page'); // the options page in a tab
    expect(callerOf(contentScript())).toBe('content-script');
    expect(callerOf({ ...contentScript(), id: 'another-extension' })).toBeUndefined();
    expect(callerOf({ id: fakeBrowser.runtime.id, url: 'https://www.netflix.com/' })).toBeUndefined();
    expect(callerOf({ id: fakeBrowser.runtime.id, url: 'not a url', tab: { id: 1 } })).toBeUndefined();
  });

  it('refuses a content script every privileged message, and answers the panel’s', async () => {
    const { svc } = testService();
    const stop = serve(svc);
    const privileged = [...MESSAGE_TYPES].filter((t) => !FOR_CONTENT_SCRIPTS.has(t as never));
    expect(privileged).toEqual(
      expect.arrayContaining([
        'exportUserData',
        'importUserData',
        'importPack',
        'resetProgress',
        'getNowWatching',
        'placeViewer',
        'revealItem',
        'setReadVolume',
      ]),
    );
    for (const type of privileged)
      expect(await deliver({ backstory: 1, type, data: {} }, contentScript()), type).toEqual({
        ok: false,
        error: `Refused ${type}: it is not available to content scripts`,
      });
    expect(await deliver({ backstory: 1, type: 'getSettings' }, contentScript())).toMatchObject({
      ok: true,
    });
    expect(await deliver({ backstory: 1, type: 'exportUserData' }, extensionPage())).toMatchObject({ ok: true });
    stop();
  });

  it('reads a content script’s ids as its page’s site’s, and refuses one on a page of no known site', async () => {
    const { svc } = testService({}, { askServer: serverSaying(() => ({ titleId: '81059939', season: 1, episode: 2 })) });
    const stop = serve(svc);
    const observed = { signals: [], ask: { videoId: '90000102' } };
    expect(await deliver({ backstory: 1, type: 'identifyEpisode', data: observed }, contentScript())).toMatchObject({
      ok: true,
      value: { status: 'resolved', showId: 'heartstopper', episodeId: 's1e2' },
    });
    // The same claim from a page that is not a site's (a content script injected elsewhere) gets nothing.
    const elsewhere = { ...contentScript(), url: 'https://help.netflix.com/watch/1' };
    expect(await deliver({ backstory: 1, type: 'identifyEpisode', data: observed }, elsewhere)).toEqual({
      ok: false,
      error: 'Refused identifyEpisode: the page is not on a site Backstory supports',
    });
    // An id of another shape than the site's is refused before it can be stored; the panel's frame speaks for
    // the site of the tab it is framed in.
    const frame = { ...extensionPage(), tab: { id: 7, url: 'https://www.netflix.com/watch/90000101' } };
    expect(
      await deliver(
        { backstory: 1, type: 'correctEpisode', data: { videoId: 'abc', showId: 'heartstopper', episodeId: 's1e1' } },
        frame,
      ),
    ).toEqual({ ok: false, error: 'Invalid id for Netflix' });
    expect(
      await deliver(
        { backstory: 1, type: 'correctEpisode', data: { videoId: '90000101', showId: 'heartstopper', episodeId: 's1e1' } },
        extensionPage(),
      ),
    ).toEqual({ ok: false, error: 'Refused: the page is not on a site Backstory supports' });
    stop();
  });

  it('hands a content script’s panel state to its own tab’s frames only, and refuses a malformed one (Firefox)', async () => {
    const { svc } = testService();
    const stop = serve(svc);
    const ids = { status: 'resolved', showId: 'heartstopper', episodeId: 's1e1', videoId: '81059939' };
    const layout = { maxHeight: 600, fontSize: 16, column: false, left: false };
    const state = { backstoryPanel: 1, token: '1-2-3-4', state: { identity: ids, open: true, layout } };
    expect(await deliver({ backstory: 1, type: 'relayToPanel', data: state }, contentScript())).toEqual({ ok: true });
    expect(await deliver({ backstory: 1, type: 'relayToPanel', data: state }, extensionPage())).toMatchObject({ ok: false });
    expect(
      await deliver({ backstory: 1, type: 'relayToPanel', data: { ...state, token: '<script>' } }, contentScript()),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/^Invalid relayToPanel message: token/) });
    // Ids only: an episode's context (or anything else) does not travel through the background's relay.
    const withContext = { ...state, state: { ...state.state, view: { context: { show: { id: 'heartstopper' } } } } };
    expect(await deliver({ backstory: 1, type: 'relayToPanel', data: withContext }, contentScript())).toMatchObject({
      ok: false,
    });
    const padded = { ...state, state: { ...state.state, identity: { ...ids, title: 'x'.repeat(5000) } } };
    expect(await deliver({ backstory: 1, type: 'relayToPanel', data: padded }, contentScript())).toMatchObject({
      ok: false,
      error: expect.stringMatching(/at most 4 KB/),
    });
    stop();
  });

  it('answers a panel page only from the frame that gave back its tab’s token (review 2, R2, N5)', async () => {
    const { svc } = testService();
    const stop = serve(svc);
    const panelPage = (tab: number, frameId: number): Sender => ({
      id: fakeBrowser.runtime.id,
      url: fakeBrowser.runtime.getURL('/panel.html'),
      tab: { id: tab },
      frameId,
    });
    const progress = { backstory: 1, type: 'getProgress', data: { showId: 'heartstopper' } };
    // Before any binding, and for a copy the page framed itself: nothing.
    expect(await deliver(progress, panelPage(7, 5))).toEqual({
      ok: false,
      error: 'Refused getProgress: this frame is not the panel Backstory made for the tab',
    });
    // The content script's first panel state tells the background the frame's token.
    const state = (token: string) => ({
      backstory: 1,
      type: 'relayToPanel',
      data: { backstoryPanel: 1, token, state: { identity: { status: 'detecting' }, open: false, layout: {} } },
    });
    expect(await deliver(state('11-22-33-44'), contentScript())).toEqual({ ok: true });
    // A wrong token binds nothing; the right one binds the frame that gave it, in its own tab only.
    const claim = (token: string, sender: Sender) => deliver({ backstory: 1, type: 'claimPanelFrame', data: { token } }, sender);
    expect(await claim('11-22-33-45', panelPage(7, 6))).toEqual({ ok: true, value: false });
    expect(await claim('11-22-33-44', panelPage(8, 5))).toEqual({ ok: true, value: false });
    // The bound frame gets what the content script shows (nothing here: no content script in this test).
    expect(await claim('11-22-33-44', panelPage(7, 5))).toEqual({ ok: true, value: { state: null } });
    expect(await deliver(progress, panelPage(7, 5))).toMatchObject({ ok: true });
    expect(await deliver(progress, panelPage(7, 6))).toMatchObject({ ok: false });
    expect(await deliver(progress, panelPage(8, 5))).toMatchObject({ ok: false });
    // A new frame (a new token) unbinds the old one until it claims.
    await deliver(state('55-66-77-88'), contentScript());
    expect(await deliver(progress, panelPage(7, 5))).toMatchObject({ ok: false });
    // The popup and the options page are not panel pages: unchanged.
    expect(await deliver(progress, extensionPage())).toMatchObject({ ok: true });
    stop();
  });

  it('refuses an unknown message, a stranger, and a malformed input, each with a clear error', async () => {
    const { svc } = testService();
    const stop = serve(svc);
    expect(await deliver({ backstory: 1, type: 'dropTables' }, extensionPage())).toEqual({
      ok: false,
      error: 'Unknown message "dropTables"',
    });
    expect(await deliver({ backstory: 1, type: 'getStats' }, { id: 'someone-else', url: 'https://evil.example/' })).toEqual({
      ok: false,
      error: 'Refused getStats: the sender is not part of Backstory',
    });
    expect(
      await deliver({ backstory: 1, type: 'getEpisodeContext', data: { showId: 'heartstopper' } }, extensionPage()),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Invalid getEpisodeContext message: episodeId/),
    });
    // The page side sends the frame ids; it never reads the curated context itself.
    expect(
      await deliver(
        { backstory: 1, type: 'getEpisodeContext', data: { showId: 'heartstopper', episodeId: 's1e1' } },
        contentScript(),
      ),
    ).toEqual({ ok: false, error: 'Refused getEpisodeContext: it is not available to content scripts' });
    expect(await deliver({ type: 'getStats' }, extensionPage())).toBe('no answer');
    stop();
  });

  it('takes a content script’s tab from the browser, never from the message', async () => {
    const { svc } = testService({}, { askServer: serverSaying(() => ({ titleId: '81059939', season: 1, episode: 3 })) });
    const stop = serve(svc);
    // Only an episode the background confirmed in the tab is reported as playing there (trust audit F3).
    const observed = { signals: [], ask: { videoId: '90000103' } };
    await deliver({ backstory: 1, type: 'identifyEpisode', data: observed }, contentScript());
    const page = await deliver({ backstory: 1, type: 'getNowWatching', data: { tabId: 7 } }, extensionPage());
    expect(page).toMatchObject({ ok: true, value: { showId: 'heartstopper', episodeId: 's1e3' } });
    stop();
  });
});

/**
 * Messages whose data is a whole document checked by its own schema, which reports every problem with its path
 * instead of refusing at the first (parseInput's way): named here, with where that check lives.
 */
const OWN_VALIDATION: Record<string, RegExp> = {
  importUserData: /\bimportUserData\b/, // UserDataSchema, lib/db/user-data.ts
  importPack: /\bvalidatePack\b/, // validatePack, lib/pack/validate.ts
};

describe('the message table', () => {
  it('keeps what content scripts may call in the service file for them, and nothing else there', () => {
    const core = createCore({} as ServiceDeps);
    expect(
      Object.keys(watchPageMethods(core, contextAttacher(core))).sort(),
      "lib/service/watch-page.ts holds exactly the 'page' messages of CALLERS (protocol.ts): move the method, or change its caller",
    ).toEqual([...FOR_CONTENT_SCRIPTS].sort());
  });

  it('gives every message a caller, a handler and, when it takes data, an input schema', () => {
    const { svc } = testService();
    for (const type of MESSAGE_TYPES) {
      const handler = (svc as unknown as Record<string, unknown>)[type];
      expect(typeof handler, `${type} is in CALLERS (protocol.ts) but the service has no method for it`).toBe('function');
      const source = String(handler);
      const takesData = (handler as (...args: unknown[]) => unknown).length > 0;
      if (takesData && OWN_VALIDATION[type]) expect(OWN_VALIDATION[type].test(source), type).toBe(true);
      else if (takesData)
        expect(
          // Quotes as the transpiler left them.
          /\bparseInput\b/.test(source) && new RegExp(`["'\`]${type}["'\`]`).test(source),
          `${type} takes data: check it with parseInput(inputs.<schema>, data, '${type}') against a schema in lib/service/inputs.ts`,
        ).toBe(true);
    }
  });
});
