/**
 * Everything the content script does while a watch page is open, as the wiring of three parts: the identity
 * loop (what plays), the open/closed reducer (open-state.ts) and the watched recorder (watched-clock.ts), with
 * the panel's frame and what the frame asks of this page. The frame fetches what it shows itself
 * (entrypoints/panel/session.ts): this page only sends it ids. Created when the page becomes a watch page and
 * stopped when it stops being one.
 */

import { browser } from 'wxt/browser';
import { isPanelActionMessage, type PanelAction } from '../messaging/panel-messages';
import { send } from '../messaging/send';
import { DEFAULT_SETTINGS, isSettingKey, type Settings } from '../settings/settings';
import { queryFirst } from '../sites/query';
import type { SiteAdapter } from '../sites/site';
import { startIdentityLoop } from './identity-loop';
import { INITIAL_OPEN, type OpenEvent, reduceOpen } from './open-state';
import { mountPanelFrame, type PanelHost, type PanelSession } from './panel-frame';
import type { WatchContext } from './watch-context';
import { type WatchedQuestion, watchedRecorder } from './watched-clock';

/** The shows the viewer closed the panel for (this browser only): it stays closed there until opened again. */
const CLOSED_KEY = 'panelClosedFor';

export interface WatchSession {
  onUrlChange(): void;
  stop(): void;
}

/** Messages fail once the extension was reloaded under this page; that page is then left alone. */
const quietly = <T>(promise: Promise<T>) => promise.catch(() => undefined);

/**
 * Hears what the panel frame asks of this page: only the background relays it (sender.id is ours and no tab: not
 * a content script, not the page). Answered through sendResponse (return true), which every browser supports
 * natively: the content script runs without the polyfill (README, "Why the content script has no polyfill"), and
 * Chrome's own onMessage does not take a returned promise.
 */
function listenToPanel(handle: (action: PanelAction) => Promise<unknown>, signal: AbortSignal): void {
  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (reply: unknown) => void) => {
    if (!isPanelActionMessage(message) || sender.id !== browser.runtime.id || sender.tab || signal.aborted) return false;
    handle(message.backstoryPanelAction).then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
}

/**
 * Settings come from the background (normalized there), and again whenever one changes in storage.sync; the
 * first time with the shows the panel was closed for, as stored (anything else stored there is ignored).
 */
function followSettings(onSettings: (settings: Settings, closedFor?: string[]) => void, signal: AbortSignal): void {
  const load = () => send('getSettings');
  void Promise.all([load(), browser.storage.local.get(CLOSED_KEY)]).then(
    ([settings, stored]) => {
      const list = stored[CLOSED_KEY];
      onSettings(settings, Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : []);
    },
    () => undefined,
  );
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'sync' && Object.keys(changes).some(isSettingKey))
      load().then(
        (s) => onSettings(s),
        () => undefined,
      );
  };
  browser.storage.onChanged.addListener(onStorage);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onStorage));
}

export function startWatchSession(ctx: WatchContext, site: SiteAdapter): WatchSession {
  let host: PanelHost | undefined;
  let settings: Settings = DEFAULT_SETTINGS;
  let open = INITIAL_OPEN;
  let askWatched: WatchedQuestion | undefined;
  const stop = new AbortController();

  const page = site.read(document, window);
  const session = (): PanelSession => ({ identity: loop.current(), open: open.open, askWatched, settings });
  const draw = () => stop.signal.aborted || host?.update(session());
  const dispatch = (event: OpenEvent) => {
    const before = open.closedFor;
    open = reduceOpen(open, event);
    if (event.type === 'viewer' && open.closedFor !== before)
      void quietly(browser.storage.local.set({ [CLOSED_KEY]: open.closedFor }));
    draw();
    if (open.announce) host?.announce();
  };

  const recorder = watchedRecorder(
    (showId, episodeId) => send('recordWatched', { showId, episodeId }),
    (question) => {
      askWatched = question;
      draw();
    },
    stop.signal,
  );

  const loop = startIdentityLoop(
    // What the page shows, in one message: the background decides what it means (lib/identity/policy.ts).
    async () => send('identifyEpisode', await page.observe()),
    (identity) => {
      if (identity.status === 'resolved') {
        // An unconfirmed guess may be placed better once the controls show the title (it never confirms it).
        if (!identity.confirmed) watcher.wantTitle();
        const video = queryFirst<HTMLVideoElement>(document, site.video);
        recorder.arm(video, identity, video ? site.timeline?.(video) : undefined);
      } else if (identity.status === 'unknown') {
        if (identity.titleMissing) watcher.wantTitle();
      }
      dispatch({ type: 'identity', identity });
    },
    () => ctx.isValid,
  );

  const setOpen = (next: boolean) => {
    dispatch({ type: 'viewer', open: next });
    if (next) host?.hold();
  };

  /** What the panel frame may ask of this page (through the background, see panel-messages.ts). */
  async function onPanelAction(action: PanelAction): Promise<unknown> {
    switch (action.action) {
      case 'hello': // The frame loaded: its state, with the layout the host measured (not an unmeasured copy).
        return host?.current() ?? null;
      case 'open':
        return setOpen(action.open);
      case 'size':
        return host?.resize(action.width, action.height);
      case 'engaged':
        return host?.engage({ using: action.engaged });
      case 'pointer':
        return host?.engage({ pointer: action.over });
      case 'key':
        return host?.key(action.key);
      // The frame stored the viewer's correction itself (an extension page's message): identify again.
      case 'correct':
        return loop.refresh();
      // The frame recorded a "yes" itself (confirmWatched): the question goes.
      case 'confirmWatched':
        return recorder.answered();
      case 'diagnostics':
        return page.diagnostics();
      // The viewer's shortcut, from the background (lib/messaging/tab-messages.ts).
      case 'toggle':
        return setOpen(!open.open);
    }
  }
  listenToPanel(onPanelAction, stop.signal);

  const watcher = site.watchPlayer(document, {
    onPlayer(root) {
      host?.remove();
      host = mountPanelFrame(ctx, site, root, session());
    },
    onPlayerGone() {
      host?.remove();
      host = undefined;
    },
    onLayout: () => host?.refit(),
    onChange(reason) {
      if (reason === 'video') {
        recorder.disarm();
        loop.lost();
      }
      void loop.refresh();
    },
  });

  followSettings((next, closedFor) => {
    settings = next;
    dispatch({ type: 'settings', autoOpen: next.autoOpen, closedFor });
  }, stop.signal);

  return {
    onUrlChange: () => watcher.poke(),
    stop() {
      stop.abort();
      loop.stop();
      watcher.stop();
      recorder.disarm();
      host?.remove();
      host = undefined;
    },
  };
}
