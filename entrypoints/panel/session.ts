/**
 * The panel frame's side of the watch session: the content script sends ids, open or closed, the layout and the
 * watched question (lib/messaging/panel-messages.ts); the background attaches the episode's context the first time
 * it relays an episode's ids (lib/service/panel-context.ts), so the header paints from that one message. This asks
 * the background for the context itself only when none came with the ids, and again when the viewer's data
 * changes (the background bumps the data version) or the spoiler guard does. The site's page never reads the
 * curated context.
 *
 * A hidden panel costs nothing (issue 31): a state that only moves or resizes the panel is laid out (`place`), and
 * the panel is rendered again (`draw`) only when what it shows changed.
 */
import { browser } from 'wxt/browser';
import type { PanelView } from '../../components/panel/types';
import { episodeKey } from '../../lib/ids/ids';
import type { AttachedContext, PanelIdentity, PanelState } from '../../lib/messaging/panel-messages';
import { send } from '../../lib/messaging/protocol';
import { DATA_VERSION_KEY } from '../../lib/settings/data-version';
import { DEFAULT_SETTINGS, loadSettings, type Settings, watchSettings } from '../../lib/settings/settings';
import type { EpisodeContext } from '../../lib/views/context';

export interface FrameView {
  state: PanelState;
  view: PanelView;
  settings: Settings;
  shortcut: string;
}

type Loaded = { key: string; context: EpisodeContext | null } | { key: string; error: 'unreachable' };

const keyOf = (identity: PanelIdentity) =>
  identity.status === 'resolved' ? episodeKey(identity.showId, identity.episodeId) : undefined;

/** What the panel shows: the identity the page sent, with the context this frame fetched for it. */
export function viewOf(state: PanelState, loaded: Loaded | undefined, previous: PanelView): PanelView {
  const { identity } = state;
  switch (identity.status) {
    case 'detecting':
      return { status: 'detecting' };
    case 'failed':
      return { status: 'error', reason: 'identify' };
    case 'unknown':
      return identity;
    case 'resolved': {
      // Until the context arrives, what was shown stays (a correction does not flash "detecting").
      if (!loaded || loaded.key !== keyOf(identity)) return previous.status === 'ready' ? previous : { status: 'detecting' };
      if ('error' in loaded) return { status: 'error', reason: loaded.error };
      if (!loaded.context) return { status: 'error', reason: 'missing' };
      // Confirmed only on the background's word (it sets `confirmed` as it hands the state over): else a guess.
      const guess = identity.confirmed !== true;
      return { status: 'ready', context: loaded.context, videoId: identity.videoId, askWatched: state.askWatched, guess };
    }
  }
}

/** Whether two views show the same (a state that only moves the panel keeps the one drawn). */
function sameView(a: PanelView, b: PanelView): boolean {
  if (a.status === 'ready' && b.status === 'ready')
    return (
      a.context === b.context &&
      a.videoId === b.videoId &&
      a.guess === b.guess &&
      JSON.stringify(a.askWatched) === JSON.stringify(b.askWatched)
    );
  return a.status !== 'ready' && b.status !== 'ready' && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * `receive(state, context)`: a state from the background, with the context it attached for the state's ids, if
 * any; `receive(undefined, context)` offers a context for the state already held.
 */
export type Receive = (state: PanelState | undefined, context?: AttachedContext) => void;

export function startFrameSession(
  draw: (frame: FrameView) => void,
  place: (state: PanelState) => void = () => undefined,
): Receive {
  let state: PanelState | undefined;
  let loaded: Loaded | undefined;
  let view: PanelView = { status: 'detecting' };
  let settings = DEFAULT_SETTINGS;
  let shortcut = '';
  let generation = 0;
  let drawn: { view: PanelView; open: boolean; settings: Settings; shortcut: string } | undefined;

  const redraw = () => {
    if (!state) return;
    const next = viewOf(state, loaded, view);
    if (!sameView(next, view)) view = next;
    place(state);
    const { open } = state;
    if (drawn?.view === view && drawn.open === open && drawn.settings === settings && drawn.shortcut === shortcut) return;
    drawn = { view, open, settings, shortcut };
    draw({ state, view, settings, shortcut });
  };
  /** Fetches the context of the episode the page identified; only the latest answer counts. */
  const load = async () => {
    const identity = state?.identity;
    const key = identity && keyOf(identity);
    if (!key || identity?.status !== 'resolved') return;
    const gen = ++generation;
    const { showId, episodeId } = identity;
    let next: Loaded;
    try {
      next = { key, context: await send('getEpisodeContext', { showId, episodeId }) };
    } catch {
      next = { key, error: 'unreachable' };
    }
    if (gen !== generation) return;
    loaded = next;
    redraw();
  };

  void Promise.all([loadSettings(), send('getShortcut').catch(() => '')]).then(([s, k]) => {
    settings = s;
    shortcut = k;
    redraw();
  });
  watchSettings((s) => {
    const guardChanged = s.guard !== settings.guard;
    settings = s;
    redraw();
    if (guardChanged) void load();
  });
  browser.storage.onChanged.addListener((changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && DATA_VERSION_KEY in changes) void load();
  });

  return (next, attached) => {
    const before = state && keyOf(state.identity);
    state = next ?? state;
    if (!state) return;
    const key = keyOf(state.identity);
    if (key && attached?.key === key) {
      // What any fetch still under way would bring is older than this.
      generation++;
      loaded = { key, context: attached.context };
    } else if (next && key !== before) void load();
    redraw();
  };
}
