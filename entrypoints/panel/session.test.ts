// The panel frame's session under WXT's fake browser, with the real background answering: the page sends ids,
// the frame fetches the context itself, and fetches it again when the viewer's data or the spoiler guard changes.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PanelState } from '../../lib/messaging/panel-messages';
import { send } from '../../lib/messaging/protocol';
import { saveSettings } from '../../lib/settings/settings';
import { fakeSiteAccess } from '../../tests/support/fake-site-access';
import background from '../background';
import { type FrameView, startFrameSession } from './session';

const layout = { maxHeight: 600, fontSize: 16, column: false, left: false };
const state = (identity: PanelState['identity'], more: Partial<PanelState> = {}): PanelState => ({
  identity,
  open: true,
  layout,
  ...more,
});
const s1e3 = { status: 'resolved', showId: 'heartstopper', episodeId: 's1e3', videoId: '81059941' } as const;

function startBackground() {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '1.0.0', manifest_version: 3, name: 'Backstory' });
  vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue([] as never);
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  fakeSiteAccess();
  background.main();
}

describe('the panel frame’s session', () => {
  it('shows what the page identified, with the context it fetched itself', async () => {
    startBackground();
    const frames: FrameView[] = [];
    const receive = startFrameSession((f) => frames.push(f));
    const last = () => frames.at(-1);
    receive(state({ status: 'detecting' }));
    expect(last()?.view).toEqual({ status: 'detecting' });
    receive(state(s1e3, { askWatched: { furthestEpisodeId: 's1e1' } }));
    await expect.poll(() => last()?.view.status).toBe('ready');
    const view = last()?.view;
    expect(view?.status === 'ready' && view.context.episode.id).toBe('s1e3');
    expect(view?.status === 'ready' && view.askWatched).toEqual({ furthestEpisodeId: 's1e1' });
    // Nothing placed yet: this episode's summary is held back, until the viewer says they watched past it.
    expect(view?.status === 'ready' && view.context.episode.synopsis).toBeFalsy();
    await send('placeViewer', { showId: 'heartstopper', episodeId: 's1e5' });
    await expect
      .poll(() => {
        const v = last()?.view;
        return v?.status === 'ready' && !!v.context.episode.synopsis;
      })
      .toBe(true);
    // The spoiler guard off: fetched again, everything shown.
    const before = frames.length;
    await saveSettings({ guard: 'off' });
    await expect.poll(() => last()?.settings.guard).toBe('off');
    expect(frames.length).toBeGreaterThan(before);
  });

  it('says what went wrong as reasons, and shows a title without a pack as the page read it', async () => {
    startBackground();
    const frames: FrameView[] = [];
    const receive = startFrameSession((f) => frames.push(f));
    receive(state({ status: 'failed' }));
    expect(frames.at(-1)?.view).toEqual({ status: 'error', reason: 'identify' });
    receive(state({ status: 'unknown', reason: 'unknown-show', title: 'Other', videoId: '5' }));
    expect(frames.at(-1)?.view).toEqual({ status: 'unknown', reason: 'unknown-show', title: 'Other', videoId: '5' });
    receive(state({ status: 'resolved', showId: 'heartstopper', episodeId: 's9e9' }));
    await expect.poll(() => frames.at(-1)?.view).toEqual({ status: 'error', reason: 'missing' });
  });

  it('paints the context the background attached to the state, without asking for it (issue 31)', async () => {
    startBackground();
    const asked = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const frames: FrameView[] = [];
    const receive = startFrameSession((f) => frames.push(f));
    const context = await send('getEpisodeContext', { showId: 'heartstopper', episodeId: 's1e3' });
    asked.mockClear();
    receive(state(s1e3), { key: 'heartstopper/s1e3', context });
    const view = frames.at(-1)?.view;
    expect(view?.status === 'ready' && view.context.episode.id).toBe('s1e3');
    const contextAsks = () => asked.mock.calls.filter(([m]) => (m as { type?: string }).type === 'getEpisodeContext').length;
    expect(contextAsks()).toBe(0);
    // A context for other ids than the state's is not shown: the frame asks for its own.
    receive(state({ ...s1e3, episodeId: 's1e4' }), { key: 'heartstopper/s1e3', context });
    await expect
      .poll(() => {
        const v = frames.at(-1)?.view;
        return v?.status === 'ready' && v.context.episode.id;
      })
      .toBe('s1e4');
    expect(contextAsks()).toBe(1);
  });

  it('does not render the panel again for a state that only moves it (issue 31)', async () => {
    startBackground();
    const frames: FrameView[] = [];
    const placed: PanelState[] = [];
    const receive = startFrameSession(
      (f) => frames.push(f),
      (s) => placed.push(s),
    );
    receive(state(s1e3));
    await expect.poll(() => frames.at(-1)?.view.status).toBe('ready');
    const drawn = frames.length;
    receive(state(s1e3, { layout: { ...layout, maxHeight: 500 } }));
    receive(state(s1e3, { layout: { ...layout, maxHeight: 520, fontSize: 18 } }));
    expect(frames.length).toBe(drawn);
    expect(placed.at(-1)?.layout).toEqual({ ...layout, maxHeight: 520, fontSize: 18 });
    // Opening or closing it, or a question, is drawn.
    receive(state(s1e3, { open: false }));
    expect(frames.length).toBe(drawn + 1);
    expect(frames.at(-1)?.state.open).toBe(false);
    receive(state(s1e3, { open: false, askWatched: {} }));
    expect(frames.length).toBe(drawn + 2);
    receive(state({ status: 'unknown', reason: 'no-signal' }));
    receive(state({ status: 'unknown', reason: 'no-signal' }, { layout: { ...layout, left: true } }));
    expect(frames.length).toBe(drawn + 3);
    expect(placed.at(-1)?.layout.left).toBe(true);
  });
});
