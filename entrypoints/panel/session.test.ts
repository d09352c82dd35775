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
});
