// The panel frame paints its header from the first message it gets (issue 31): the background, which relays the
// content script's ids to the bound frame, attaches the episode's context for them, once per episode and frame.
import { describe, expect, it } from 'vitest';
import { serverSaying } from '../../tests/support/server';
import { testService } from '../../tests/support/test-service';
import type { PanelState, PanelStateMessage } from '../messaging/panel-messages';

const TAB = 7;
const FRAME = 3;
const token = '11-22-33-44';
const layout = { maxHeight: 600, fontSize: 16, column: false, left: false };
const resolved = (episodeId: string) => ({ status: 'resolved', showId: 'heartstopper', episodeId, videoId: '90000101' }) as const;
const state = (identity: PanelState['identity'], more: Partial<PanelState> = {}): PanelState => ({
  identity,
  open: true,
  layout,
  ...more,
});

function relayService(hello: PanelState | null) {
  const delivered: PanelStateMessage[] = [];
  const service = testService();
  service.deps.toTabFrame = async (tabId, frameId, message) => {
    if (tabId === TAB && frameId === FRAME) delivered.push(message as PanelStateMessage);
  };
  service.deps.relayToTab = async () => hello;
  const { svc } = service;
  const relay = (next: PanelState, extra: object = {}) =>
    svc.relayToPanel({ backstoryPanel: 1, token, state: next, ...extra }, { tabId: TAB, site: 'netflix' });
  // The frame's claim: what it answered, and the context in it (false: not bound).
  const claim = async () => {
    const answer = await svc.claimPanelFrame({ token }, { tabId: TAB, frameId: FRAME });
    return { answer, context: answer === false ? undefined : answer.context };
  };
  return { svc, delivered, relay, claim };
}

describe('the state the background relays to the panel frame', () => {
  it('carries the context of the episode the frame is told of, the first time only', async () => {
    const { delivered, relay, claim } = relayService(state(resolved('s1e3')));
    await relay(state({ status: 'detecting' }));
    // The frame's claim is answered with the content script's state and, for its ids, the context to paint.
    const claimed = await claim();
    expect(claimed.context?.key).toBe('heartstopper/s1e3');
    expect(claimed.context?.context?.episode.id).toBe('s1e3');
    // The same episode again (a layout change, the panel opened): no context sent again.
    await relay(state(resolved('s1e3'), { layout: { ...layout, maxHeight: 500 } }));
    expect(delivered.at(-1)?.context).toBeUndefined();
    // Another episode (autoplay): its context comes with the ids.
    await relay(state(resolved('s1e4')));
    expect(delivered.at(-1)?.context?.key).toBe('heartstopper/s1e4');
    expect(delivered.at(-1)?.context?.context?.episode.id).toBe('s1e4');
    await relay(state(resolved('s1e4'), { open: false }));
    expect(delivered.at(-1)?.context).toBeUndefined();
    // An episode no pack has: said so (null), so the frame need not ask.
    await relay(state(resolved('s9e9')));
    expect(delivered.at(-1)?.context).toEqual({ key: 'heartstopper/s9e9', context: null });
  });

  it('sends the context again to a frame that claims anew (its page loaded again)', async () => {
    const { delivered, relay, claim } = relayService(state(resolved('s1e3')));
    await relay(state({ status: 'detecting' }));
    await claim();
    await relay(state(resolved('s1e3')));
    expect(delivered.at(-1)?.context).toBeUndefined();
    const again = await claim();
    expect(again.context?.key).toBe('heartstopper/s1e3');
  });

  it('attaches nothing to a state without an episode, and never what the content script sent', async () => {
    const { delivered, relay, claim } = relayService(null);
    await relay(state({ status: 'detecting' }));
    expect((await claim()).answer).toEqual({ state: null });
    await relay(state({ status: 'unknown', reason: 'no-signal' }));
    expect(delivered.at(-1)?.context).toBeUndefined();
    // A context the page side made up is dropped: only the background's own is relayed.
    const forged = { key: 'heartstopper/s1e1', context: { show: { id: 'heartstopper', title: 'Forged' } } };
    await relay(state(resolved('s1e1')), { context: forged });
    expect(delivered.at(-1)?.context?.context?.show.title).toBe('Heartstopper');
    await relay(state(resolved('s1e1'), { open: false }), { context: forged });
    expect(delivered.at(-1)?.context).toBeUndefined();
    // Ids of the wrong shape get no context (the frame would be refused them too).
    await relay(state({ status: 'resolved', showId: '../x', episodeId: 's1e1' }));
    expect(delivered.at(-1)?.context).toBeUndefined();
  });
});

describe('whether the episode the frame shows is confirmed (trust audit 3, F2)', () => {
  it('is the background’s own word, whatever the content script wrote', async () => {
    const service = testService({}, { askServer: serverSaying(() => ({ titleId: '81059939', season: 1, episode: 3 })) });
    const delivered: PanelStateMessage[] = [];
    service.deps.toTabFrame = async (_tab, _frame, message) => void delivered.push(message as PanelStateMessage);
    service.deps.relayToTab = async () => state({ ...resolved('s1e4'), confirmed: true });
    const { svc } = service;
    const relay = (next: PanelState) =>
      svc.relayToPanel({ backstoryPanel: 1, token, state: next }, { tabId: TAB, site: 'netflix' });
    await relay(state({ status: 'detecting' }));
    // The frame claims while the page side says S1E4 is confirmed: nothing confirmed it.
    const claimed = await svc.claimPanelFrame({ token }, { tabId: TAB, frameId: FRAME });
    expect(claimed && (claimed.state as PanelState).identity).toMatchObject({ episodeId: 's1e4', confirmed: false });
    // Netflix's metadata names S1E3 for the video: confirmed, even where the page side says it is not.
    await svc.identifyEpisode(
      { videoId: '90000103', signals: [], ask: { videoId: '90000103' } },
      { tabId: TAB, site: 'netflix' },
    );
    await relay(state({ ...resolved('s1e3'), confirmed: false }));
    expect(delivered.at(-1)?.state.identity).toMatchObject({ episodeId: 's1e3', confirmed: true });
    // Another episode than the one confirmed in this tab is a guess, whatever the page side says.
    await relay(state({ ...resolved('s3e8'), confirmed: true }));
    expect(delivered.at(-1)?.state.identity).toMatchObject({ episodeId: 's3e8', confirmed: false });
  });
});

describe('the diagnostics the panel frame asks its page for', () => {
  it('carry the version, the path, the result and what Netflix’s server said to the background’s own request', async () => {
    const { svc, deps } = testService({}, { askServer: serverSaying(() => ({ titleId: '81059939', season: 1, episode: 2 })) });
    deps.relayToTab = async () => ({ site: 'netflix', trace: {} });
    // The tab's address as the browser gives it: only its path is kept, never the query (tracking ids).
    deps.tabUrl = async () => 'https://www.netflix.com/watch/90000102?trackId=14170286';
    expect(await svc.relayToPanelHost({ action: 'diagnostics' }, { tabId: TAB })).toEqual({
      site: 'netflix',
      trace: {},
      version: '1.0.0',
      path: '/watch/90000102',
      result: undefined,
      server: { outcome: 'not asked' },
    });
    await svc.identifyEpisode(
      { videoId: '90000102', signals: [], ask: { videoId: '90000102' } },
      { tabId: TAB, site: 'netflix' },
    );
    expect(await svc.relayToPanelHost({ action: 'diagnostics' }, { tabId: TAB })).toMatchObject({
      result: { status: 'resolved', via: 'metadata' },
      server: { outcome: 'ok', signal: { kind: 'metadata', value: { titleId: '81059939' } } },
    });
    // Any other action is relayed as it is.
    deps.relayToTab = async () => true;
    expect(await svc.relayToPanelHost({ action: 'open', open: true }, { tabId: TAB })).toBe(true);
  });
});
