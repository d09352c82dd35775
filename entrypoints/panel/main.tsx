/**
 * The panel, as an extension page in a frame beside Netflix's video: Netflix's page can neither read it nor drive
 * it, its keys and clicks never reach the page, and the page's CSS cannot restyle it. Its state comes from the
 * content script that made the frame (ids, not content), through the background, which answers only the frame that
 * content script bound (lib/messaging/panel-binding.ts); what it shows, from the background too (session.ts); what
 * it asks of the content script goes through the background as well.
 */
import '../../components/shared/badge.css';
import '../../components/panel/panel.css';
import './frame.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { uiLocale } from '../../components/i18n';
import { repairMessagesIfEmpty } from '../../components/i18n/bundle';
import { Panel } from '../../components/panel/Panel';
import type { PanelActions } from '../../components/panel/types';
import { allowLookups, canAskForLookups } from '../../lib/lookup/permission';
import { isFromBackground, onPanelFrameBound } from '../../lib/messaging/panel-binding';
import { isPanelStateMessage, type PanelAction, type PanelState } from '../../lib/messaging/panel-messages';
import { send } from '../../lib/messaging/protocol';
import { saveSettings } from '../../lib/settings/settings';
import { formatSiteDiagnostics } from '../../lib/sites/diagnostics';
import { holdContentScriptPorts } from '../../lib/watch/extension-alive';
import { routePlayerKeys } from './keys';
import { type FrameView, startFrameSession } from './session';

// Almost always settled at once: it reads a file only when the browser lost the messages (bundle.ts).
const messagesReady = repairMessagesIfEmpty().then(() => {
  document.documentElement.lang = uiLocale();
});
/** Handed by the content script that made this frame, once the background bound it (panel-binding.ts). */
let token = '';
const root = document.getElementById('app') as HTMLElement;
let shown: FrameView | undefined;

const relay = (action: PanelAction) => send('relayToPanelHost', action);

const actions: PanelActions = {
  setOpen: (open) => void relay({ action: 'open', open }).catch(() => undefined),
  reveal: async (handle) => {
    if (shown?.view.status !== 'ready') return null;
    const { context } = shown.view;
    return send('revealItem', { showId: context.show.id, season: context.episode.season, handle });
  },
  listEpisodes: (showId) => send('listEpisodes', { showId }),
  // The viewer's own answers go straight to the background from here, an extension page (never through the
  // content script, which the page could speak through); the content script is then told to look again.
  correct: async (showId, episodeId) => {
    const videoId = shown?.view.status === 'ready' || shown?.view.status === 'unknown' ? shown.view.videoId : undefined;
    if (!videoId) throw new Error('No video id');
    await send('correctEpisode', { videoId, showId, episodeId });
    await relay({ action: 'correct', showId, episodeId });
  },
  setReadVolume: async (showId, volume) => void (await send('setReadVolume', { showId, volume })),
  place: async (showId, episodeId) => void (await send('placeViewer', { showId, episodeId })),
  setGuard: async (guard) => void (await saveSettings({ guard })),
  confirmWatched: async (yes) => {
    if (yes && shown?.view.status === 'ready') {
      const { show, episode } = shown.view.context;
      await send('confirmWatched', { showId: show.id, episodeId: episode.id });
    }
    await relay({ action: 'confirmWatched', yes });
  },
  diagnostics: async () => {
    return formatSiteDiagnostics(await relay({ action: 'diagnostics' }));
  },
  lookups: {
    view: () => send('getTitleLookup'),
    allow: async () => {
      if (canAskForLookups()) return (await allowLookups()) ? 'granted' : 'denied';
      // FIREFOX: no permissions API in a framed extension page; an extension page may open another.
      window.open(browser.runtime.getURL('/options.html#lookups'), '_blank', 'noopener');
      return 'options';
    },
    candidates: () => send('getLookupCandidates'),
    choose: (tvmazeId) => send('chooseLookupShow', { tvmazeId }),
    confirm: (titleId) => send('confirmLookupTitle', { titleId }),
  },
};

/** What the panel shows changed: rendered again. */
function draw(frame: FrameView) {
  shown = frame;
  const { state, view, settings, shortcut } = frame;
  void messagesReady.then(() =>
    render(<Panel view={view} open={state.open} settings={settings} shortcut={shortcut} actions={actions} />, root),
  );
}

/**
 * Where it sits and how large its type is, on every state: written only when it changed, so an unchanged state
 * restyles nothing. Its height is not sent: the content script sizes the frame to the panel and to the room it has
 * (clear of the site's buttons and subtitles), and the panel fits the frame (frame.css), so a room that changes with
 * each caption costs no message and no restyle here (issue 31).
 */
function place({ open, layout }: PanelState) {
  const className = `bs-root${layout.left ? ' bs-root--left' : ''}${open ? '' : ' bs-root--closed'}${layout.column ? ' bs-root--column' : ''}`;
  if (root.className !== className) root.className = className;
  // Every size in the panel is in rem: one number, measured from the player, scales it for the sofa.
  const fontSize = `${layout.fontSize}px`;
  if (document.documentElement.style.fontSize !== fontSize) document.documentElement.style.fontSize = fontSize;
}

const receive = startFrameSession(draw, place);
let received = false;
browser.runtime.onMessage.addListener((message: unknown, sender) => {
  // From the background only, which sends to the frame the content script bound (lib/messaging/panel-binding.ts).
  if (!isFromBackground(sender) || !isPanelStateMessage(message, token)) return undefined;
  received = true;
  receive(message.state, message.context);
  return undefined;
});

// Tell the content script how tall the panel would be with room enough, so the frame covers exactly the panel and
// nothing more: its box, and what its body hides below the fold when the frame is shorter (the panel fits the frame,
// frame.css). Only on a change of size: nothing runs while the video plays.
let reported = '';
const sizeObserver = new ResizeObserver(() => {
  const panel = root.firstElementChild;
  if (!panel) return;
  const box = panel.getBoundingClientRect();
  const body = panel.querySelector('.bs-panel__body');
  const hidden = body ? body.scrollHeight - body.clientHeight : 0;
  const width = Math.ceil(box.width);
  const height = Math.ceil(box.height + Math.max(0, hidden));
  if (`${width}x${height}` === reported) return;
  reported = `${width}x${height}`;
  void relay({ action: 'size', width, height }).catch(() => undefined);
});
// The page cannot see the pointer or the keys inside this frame: tell the content script, which keeps the panel
// shown (overlay mode) while the viewer uses it: the pointer over it, keys pressed in it a moment ago, or a
// question waiting for an answer ("Where are you?", "count this episode?"). Focus alone does not count: after a
// click in it the panel still fades with Netflix's controls. Only on a change.
const IN_USE_MS = 5000;
let typing: ReturnType<typeof setTimeout> | undefined;
let asking = false;
let engaged = false;
const report = () => {
  const next = typing !== undefined || asking;
  if (next === engaged) return;
  engaged = next;
  void relay({ action: 'engaged', engaged }).catch(() => undefined);
};
const point = (over: boolean) => () => void relay({ action: 'pointer', over }).catch(() => undefined);
document.documentElement.addEventListener('pointerenter', point(true));
document.documentElement.addEventListener('pointerleave', point(false));
const stopTyping = () => {
  clearTimeout(typing);
  typing = undefined;
  report();
};
routePlayerKeys(
  (key) => {
    stopTyping();
    void relay({ action: 'key', key }).catch(() => undefined);
  },
  () => {
    clearTimeout(typing);
    typing = setTimeout(stopTyping, IN_USE_MS);
    report();
  },
);

// Each render: the size observer follows the panel's element and what its body holds (content growing under a
// panel that already fills the frame changes no box but the content's), and a question in it keeps the panel in
// sight.
new MutationObserver(() => {
  const child = root.firstElementChild;
  const content = child?.querySelector('.bs-panel__body')?.children ?? [];
  sizeObserver.disconnect();
  if (child) sizeObserver.observe(child);
  for (const element of content) sizeObserver.observe(element);
  asking = !!root.querySelector('.bs-where, .bs-ask');
  report();
}).observe(root, { childList: true, subtree: true });

// The content script knows the extension is gone when this page's port closes (lib/watch/extension-alive.ts).
holdContentScriptPorts();

// Nothing is asked before the background knows this frame as the tab's panel (a copy the page made never is).
// The claim's answer carries the content script's state and the context for its ids: the header paints from it.
onPanelFrameBound((bound, initial, context) => {
  token = bound;
  // A state relayed since is newer than the one the claim brought: only its context may still serve.
  if (!received && initial) receive(initial as PanelState, context);
  else if (context) receive(undefined, context);
});
