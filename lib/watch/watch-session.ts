/**
 * Everything the content script does while a /watch/ page is open: watch the player, identify the episode,
 * fetch its context from the background, and keep the panel in step with settings and data changes.
 * It is created when the page becomes a watch page and stopped when it stops being one.
 */

import { browser } from 'wxt/browser';
import type { PanelView } from '../../components/panel/types';
import { isPanelActionMessage, type PanelAction } from '../messaging/panel-messages';
import { send } from '../messaging/send';
import { DATA_VERSION_KEY } from '../settings/data-version';
import { DEFAULT_SETTINGS, isSettingKey, type Settings } from '../settings/settings';
import { queryFirst } from '../sites/query';
import { rateLimit } from '../sites/rate-limit';
import type { Identification, SiteAdapter } from '../sites/site';
import { mountPanelFrame, type PanelHost, type PanelSession } from './panel-frame';
import type { WatchContext } from './watch-context';
import { startWatchedClock } from './watched-clock';

/** A recap playing before the episode is waited out: asked again every 2 s, for two minutes at most. */
const WAIT_RETRY_MS = 2_000;
const WAIT_RETRIES = 60;
/** Identifications a minute, at most, in one tab (each may ask the site for metadata): real viewing needs a few. */
const IDENTIFY_PER_MINUTE = 30;

/** The shows the viewer closed the panel for (this browser only): it stays closed there until opened again. */
const CLOSED_KEY = 'panelClosedFor';
const MAX_CLOSED = 200;

/** Adds a browser event listener and returns what removes it. */
function listen<L>(event: { addListener(l: L): void; removeListener(l: L): void }, listener: L): () => void {
  event.addListener(listener);
  return () => event.removeListener(listener);
}

export interface WatchSession {
  toggle(): void;
  onUrlChange(): void;
  stop(): void;
}

export function startWatchSession(ctx: WatchContext, site: SiteAdapter): WatchSession {
  let stopped = false;
  let host: PanelHost | undefined;
  let view: PanelView = { status: 'detecting' };
  let identity: Identification | undefined;
  let settings: Settings = DEFAULT_SETTINGS;
  let open = false;
  let openChosen = false;
  let closedFor: string[] = [];
  let lastShow: string | undefined;
  let shortcut = '';
  let generation = 0;
  let watchedArm = new AbortController();
  let waitTimer: ReturnType<typeof setTimeout> | undefined;
  let waits = 0;
  const identifyLimit = rateLimit(IDENTIFY_PER_MINUTE, 60_000);
  let limitTimer: ReturnType<typeof setTimeout> | undefined;
  const cleanups: (() => void)[] = [];

  const page = site.read(document, window);

  const state = (): PanelSession => ({ view, open, settings, shortcut });
  const draw = () => {
    if (!stopped) host?.update(state());
  };
  const showOf = (v: PanelView) => (v.status === 'ready' ? v.context.show.id : undefined);
  /** Opens by itself only on a recognised episode of a show the viewer has not closed it for. */
  const openByItself = () => {
    const show = showOf(view);
    return !!show && settings.autoOpen && !closedFor.includes(show);
  };
  const setView = (next: PanelView) => {
    view = next;
    // While the next episode is being identified the panel keeps its state, so autoplay does not flicker it; a
    // choice made by hand holds for the show it was made on.
    if (next.status !== 'detecting' && showOf(next) !== lastShow) {
      lastShow = showOf(next);
      openChosen = false;
    }
    if (!openChosen && next.status !== 'detecting') open = openByItself();
    draw();
  };
  /** Remembers, per show, that the viewer closed the panel (and forgets it when they open it again). */
  const rememberClosed = (closed: boolean) => {
    const show = showOf(view);
    if (!show) return;
    closedFor = [...closedFor.filter((id) => id !== show), ...(closed ? [show] : [])].slice(-MAX_CLOSED);
    void quietly(browser.storage.local.set({ [CLOSED_KEY]: closedFor }));
  };
  /** Messages fail once the extension was reloaded under this page; that page is then left alone. */
  const quietly = <T>(promise: Promise<T>) => promise.catch(() => undefined);

  /** What the panel frame may ask of this page (through the background, see panel-messages.ts). */
  const actions = {
    setOpen(next: boolean) {
      open = next;
      openChosen = true;
      rememberClosed(!next);
      draw();
      if (next) host?.hold();
    },
    // The frame stored the viewer's correction itself (an extension page's message): identify again.
    correct: () => refreshIdentity(),
    // The frame recorded a "yes" itself (confirmWatched): the question goes.
    confirmWatched() {
      if (view.status === 'ready') setView({ ...view, askWatched: undefined });
    },
    diagnostics: () => page.diagnostics(identity),
  };

  async function onPanelAction(action: PanelAction): Promise<unknown> {
    switch (action.action) {
      case 'hello':
        // The frame loaded: what it shows, with the layout the host measured (not a fresh, unmeasured copy).
        return host?.current() ?? null;
      case 'open':
        return actions.setOpen(action.open);
      case 'size':
        return host?.resize(action.width, action.height);
      case 'engaged':
        return host?.engage(action.engaged);
      case 'correct':
        return actions.correct();
      case 'confirmWatched':
        return actions.confirmWatched();
      case 'diagnostics':
        return actions.diagnostics();
    }
  }
  // Only the background relays panel actions (sender.id is ours and no tab: not a content script, not the page).
  // Answered through sendResponse (return true), which every browser supports natively: the content script runs
  // without the polyfill (README, "Why the content script has no polyfill"), and Chrome's own onMessage does not
  // take a returned promise.
  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (reply: unknown) => void) => {
    if (!isPanelActionMessage(message) || sender.id !== browser.runtime.id || sender.tab || stopped) return false;
    onPanelAction(message.backstoryPanelAction).then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  cleanups.push(() => browser.runtime.onMessage.removeListener(onMessage));

  async function loadContext(gen: number) {
    if (identity?.status !== 'resolved') return;
    const { showId, episodeId, videoId } = identity;
    try {
      const context = await send('getEpisodeContext', { showId, episodeId });
      if (gen !== generation || stopped) return;
      setView(context ? { status: 'ready', context, videoId } : { status: 'error', reason: 'missing' });
    } catch {
      if (gen === generation && ctx.isValid) setView({ status: 'error', reason: 'unreachable' });
    }
  }

  async function refreshIdentity(waiting = false) {
    // A page that keeps changing the video id gets at most IDENTIFY_PER_MINUTE identifications; the rest wait.
    if (!identifyLimit.take()) {
      limitTimer ??= setTimeout(() => {
        limitTimer = undefined;
        void refreshIdentity(waiting);
      }, identifyLimit.wait());
      return;
    }
    const gen = ++generation;
    clearTimeout(waitTimer);
    if (!waiting) waits = 0;
    try {
      // What the page shows, in one message: the background decides what it means (lib/identity/policy.ts).
      const result = await send('identifyEpisode', await page.observe());
      if (gen !== generation || stopped) return;
      identity = result;
      if (result.status === 'waiting') {
        // A recap is playing under another id: the episode follows it, so look again shortly.
        setView({ status: 'detecting' });
        if (waits++ < WAIT_RETRIES) waitTimer = setTimeout(() => void refreshIdentity(true), WAIT_RETRY_MS);
      } else if (result.status === 'resolved') {
        await loadContext(gen);
        // An unconfirmed guess may be placed better once the controls show the title (it never confirms it).
        if (!result.confirmed) watcher.wantTitle();
        void quietly(send('reportNowWatching', { showId: result.showId, episodeId: result.episodeId }));
        armWatchedTimer();
      } else {
        setView({
          status: 'unknown',
          title: result.title,
          reason: result.reason,
          showId: result.showId,
          videoId: result.videoId,
        });
        void quietly(send('reportNowWatching', null));
        if (result.titleMissing) watcher.wantTitle();
      }
    } catch {
      if (gen === generation && ctx.isValid) setView({ status: 'error', reason: 'identify' });
    }
  }

  /** Stops the "watched" clock and drops its listeners from the previous <video>. */
  function disarmWatchedTimer() {
    watchedArm.abort();
  }

  /**
   * Starts the "watched" clock on the current <video>: playing into the credits records the episode as watched.
   * Only an episode the background confirmed counts (it checks again), and one more than an episode past the
   * furthest watched is counted only when the viewer says so, in the panel's frame.
   */
  function armWatchedTimer() {
    disarmWatchedTimer();
    watchedArm = new AbortController();
    const video = queryFirst<HTMLVideoElement>(document, site.video);
    if (!video || identity?.status !== 'resolved' || !identity.confirmed) return;
    const { showId, episodeId } = identity;
    startWatchedClock(
      video,
      () => void recordWatched(showId, episodeId),
      AbortSignal.any([ctx.signal, watchedArm.signal]),
      site.timeline?.(video),
    );
  }

  async function recordWatched(showId: string, episodeId: string) {
    const gen = generation;
    const result = await quietly(send('recordWatched', { showId, episodeId }));
    if (gen !== generation || stopped || view.status !== 'ready') return;
    if (result?.status === 'confirm') {
      setView({ ...view, askWatched: { furthestEpisodeId: result.furthestEpisodeId } });
    } else {
      // Watched unlocks the episode's own synopsis and notes: the panel shows them at once.
      await loadContext(gen);
    }
  }

  const watcher = site.watchPlayer(document, {
    onPlayer(root) {
      host?.remove();
      host = mountPanelFrame(ctx, site, root, state());
    },
    onPlayerGone() {
      host?.remove();
      host = undefined;
    },
    onLayout() {
      host?.refit();
    },
    onChange(reason) {
      if (reason === 'video') {
        disarmWatchedTimer();
        if (view.status !== 'detecting') setView({ status: 'detecting' });
      }
      void refreshIdentity();
    },
  });

  // Settings come from the background (normalized there), and again whenever one changes in storage.sync.
  const loadSettings = async () => (await quietly(send('getSettings'))) ?? settings;
  void Promise.all([loadSettings(), quietly(browser.storage.local.get(CLOSED_KEY))]).then(([s, stored]) => {
    settings = s;
    const list = stored?.[CLOSED_KEY];
    closedFor = Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string').slice(-MAX_CLOSED) : [];
    if (!openChosen && view.status !== 'detecting') open = openByItself();
    draw();
  });
  void quietly(send('getShortcut')).then((s) => {
    shortcut = s ?? '';
    draw();
  });
  cleanups.push(
    // One listener: the viewer's data changed (the background bumps the data version), or a setting did.
    listen(browser.storage.onChanged, (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && DATA_VERSION_KEY in changes) return void loadContext(generation);
      if (area !== 'sync' || !Object.keys(changes).some(isSettingKey)) return;
      void loadSettings().then((s) => {
        const guardChanged = s.guard !== settings.guard;
        settings = s;
        draw();
        if (guardChanged) void loadContext(generation);
      });
    }),
  );

  return {
    toggle() {
      actions.setOpen(!open);
    },
    onUrlChange() {
      watcher.poke();
    },
    stop() {
      stopped = true;
      generation++;
      clearTimeout(waitTimer);
      clearTimeout(limitTimer);
      watcher.stop();
      disarmWatchedTimer();
      for (const cleanup of cleanups) cleanup();
      host?.remove();
      host = undefined;
      if (ctx.isValid) void quietly(send('reportNowWatching', null));
    },
  };
}
