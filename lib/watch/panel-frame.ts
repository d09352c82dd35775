/**
 * Places the panel's frame (entrypoints/panel, an extension page) beside the site's video and keeps it inside
 * whatever element is fullscreen. The content script only places the frame and sends it state; the panel itself
 * runs in the extension's origin, where the site's page can neither read it nor drive it (security review B2, B9,
 * B-K).
 *
 * Three ways to sit beside the video (settings.panelMode, rules in layout.ts):
 * - overlay: over the picture only while the site's controls show, the video is paused or the viewer uses the panel;
 * - side by side: a column of its own, with the site's player view narrowed to the rest (restored exactly, from the
 *   inline styles it had, when the panel closes, the mode changes or the page moves on);
 * - pinned: over the picture all the time.
 * Over the picture, the frame is sized to the panel and stops above the site's own buttons and the subtitle box
 * when they share its column (the site's keepClear). Nothing here runs per frame: the controls are noticed through the
 * player watcher's debounced observer, pause and play through the video's own events.
 */
import { browser } from 'wxt/browser';
import type { PanelState, PanelStateMessage } from '../messaging/panel-messages';
import { send } from '../messaging/send';
import { queryFirst } from '../sites/query';
import type { SiteAdapter } from '../sites/site';
import { followExtension } from './extension-alive';
import { clearBottom, obstacleBoxes } from './keep-clear';
import { type Activity, fontSize, HANDLE, isShown, panelWidth, SIDE } from './layout';
import type { WatchContext } from './watch-context';

/** What the watch session says; the host adds the layout it measures. */
export type PanelSession = Omit<PanelState, 'layout'>;

export interface PanelHost {
  update(session: PanelSession): void;
  /** Everything the frame shows, as it was last sent (the frame asks for it when it loads). */
  current(): PanelState;
  /** The player's layout changed: controls shown or gone, buttons or subtitles moved. */
  refit(): void;
  /** The viewer opened the panel by hand: shown until they leave it or the controls fade. */
  hold(): void;
  /**
   * The frame says the pointer is over it or the keyboard is in it (a cross-origin frame's hover and focus are
   * not seen from the page, so the frame reports them).
   */
  engage(engaged: boolean): void;
  /** The frame reported the panel's size. */
  resize(width: number, height: number): void;
  remove(): void;
}

const NARROWED = ['position', 'top', 'bottom', 'left', 'right', 'width', 'height'] as const;

export function mountPanelFrame(ctx: WatchContext, site: SiteAdapter, playerRoot: Element, initial: PanelSession): PanelHost {
  // The room the site's own controls take above and below the picture.
  const { top: TOP, bottom: BOTTOM } = site.controlBand;
  let state = initial;
  let height = HANDLE.height;
  let room = 0;
  // the site's player starts playing; a video already paused (and loaded) counts as paused.
  const video = queryFirst<HTMLVideoElement>(document, site.video);
  const activity: Activity = {
    controls: !!queryFirst(playerRoot, site.controls),
    paused: !!video && video.paused && video.readyState > 0,
    engaged: false,
    held: false,
  };
  /** The player view narrowed for side-by-side mode, with the inline styles it had before. */
  let written = '';
  let writtenCss = '';
  let narrowed: { element: HTMLElement; attribute: string | null; saved: [string, string, string][] } | undefined;

  // getRandomValues, not randomUUID: the latter exists only in secure contexts. Never in the page (not in the
  // frame's address): it is what makes this frame the panel (lib/messaging/panel-binding.ts).
  const token = crypto.getRandomValues(new Uint32Array(4)).join('-');
  const frame = document.createElement('iframe');
  const panelUrl = browser.runtime.getURL('/panel.html');
  frame.src = panelUrl;
  frame.title = 'Backstory';
  // "Copy diagnostics" writes to the clipboard, which a cross-origin frame may do only when allowed.
  frame.allow = 'clipboard-write';
  frame.setAttribute('data-backstory', 'panel');

  const mode = () => state.settings.panelMode;
  const column = () => state.open && mode() === 'side';
  const widthOf = () => (state.open ? panelWidth(state.settings.panelSize, window.innerWidth, mode()) : HANDLE.width);
  const onLeft = () => state.settings.panelSide === 'left';
  const maxPanelHeight = () => Math.max(120, window.innerHeight - TOP - BOTTOM);

  /** The height the panel may take without covering the site's buttons or the subtitle box in its column. */
  const measureRoom = () => {
    if (column()) return window.innerHeight;
    const width = widthOf();
    const left = onLeft() ? SIDE : window.innerWidth - SIDE - width;
    const obstacles = obstacleBoxes(document, site.keepClear, window.innerHeight);
    return clearBottom({ left, right: left + width, top: TOP }, obstacles, TOP + maxPanelHeight()) - TOP;
  };

  /** Side by side: the player view gives up the panel's column; anything else: it gets its own styles back. */
  const narrow = () => {
    const target = column() ? queryFirst<HTMLElement>(playerRoot, site.playerView) : null;
    if (narrowed && narrowed.element !== target) {
      const { element, attribute, saved } = narrowed;
      for (const [name, value, priority] of saved) element.style.setProperty(name, value, priority);
      // An element that had no style attribute gets none back, not an empty one.
      if (attribute === null && !element.getAttribute('style')) element.removeAttribute('style');
      narrowed = undefined;
    }
    if (!target) return;
    const style = target.style;
    narrowed ??= {
      element: target,
      attribute: target.getAttribute('style'),
      saved: NARROWED.map((n) => [n, style.getPropertyValue(n), style.getPropertyPriority(n)]),
    };
    const width = widthOf();
    const set = {
      position: 'absolute',
      top: '0',
      bottom: '0',
      height: 'auto',
      left: onLeft() ? `${width}px` : '0',
      right: 'auto',
      width: `calc(100% - ${width}px)`,
    };
    for (const [name, value] of Object.entries(set)) style.setProperty(name, value, 'important');
  };

  const place = () => {
    const { open } = state;
    const width = widthOf();
    const side = column() ? 0 : SIDE;
    const shown = isShown(mode(), open, activity);
    const style: Record<string, string> = {
      position: 'fixed',
      top: `${column() ? 0 : TOP}px`,
      [onLeft() ? 'left' : 'right']: `${side}px`,
      [onLeft() ? 'right' : 'left']: 'auto',
      bottom: 'auto',
      width: `${width}px`,
      height: `${column() ? window.innerHeight : Math.min(open ? height : HANDLE.height, open ? room : maxPanelHeight())}px`,
      border: '0',
      margin: '0',
      padding: '0',
      background: 'transparent',
      'z-index': '2147483000',
      display: 'block',
      // Faded, then out of the way of the pointer and the keyboard; back as soon as the viewer attends.
      visibility: shown ? 'visible' : 'hidden',
      opacity: shown ? '1' : '0',
      transition: shown ? 'opacity 150ms' : 'opacity 300ms, visibility 0s 300ms',
    };
    // Only a change is written (this runs on every layout change of the player), unless the frame's style is no
    // longer what was written (a page script may touch it): then it is written again.
    const key = JSON.stringify(style);
    if (key !== written || frame.style.cssText !== writtenCss) {
      written = key;
      // Important, inline: the site's style sheets cannot move or hide the frame by accident.
      for (const [name, value] of Object.entries(style)) frame.style.setProperty(name, value, 'important');
      writtenCss = frame.style.cssText;
    }
    narrow();
  };
  // After the extension was reloaded under this page, sending throws at once: the page is then left alone.
  // Through the background, which learns the token here, to the frame that gives it back only (panel-binding.ts).
  const post = () =>
    ctx.isValid
      ? send('relayToPanel', { backstoryPanel: 1, token, state: host.current() } satisfies PanelStateMessage).catch(
          () => undefined,
        )
      : undefined;
  /** Settles once the background has this frame's token (the first state sent, at mount, carries it). */
  let told: Promise<unknown> | undefined;
  const relayout = () => {
    room = measureRoom();
    place();
    const sent = post();
    told ??= sent;
  };
  const attend = (change: Partial<Activity>) => {
    const before = isShown(mode(), state.open, activity);
    Object.assign(activity, change);
    if (isShown(mode(), state.open, activity) !== before) place();
  };

  // Follow fullscreen: Netflix, for one, fullscreens its own root, which may or may not contain the player subtree.
  // On the way out it goes back to the player root itself: the inner element may be replaced on autoplay.
  // A site whose player must hold nothing of ours (site.panelOutsidePlayer) has the frame in <body> instead, and
  // inside the fullscreen element only while there is one (fixed, so it takes no room in the player's flow).
  const home = () => (site.panelOutsidePlayer ? document.body : playerRoot);
  const followFullscreen = () => {
    const fullscreen = document.fullscreenElement;
    if (fullscreen) {
      if (!fullscreen.contains(frame)) fullscreen.append(frame);
    } else if (frame.parentElement !== home() && home().isConnected) {
      home().append(frame);
    }
    relayout();
  };
  const stop = new AbortController();
  const on = { signal: stop.signal };
  document.addEventListener('fullscreenchange', followFullscreen, on);
  // Only the frame made here is the panel: on each of its loads (moving it makes a new one), once the background has
  // the token, it gets the token; and it tells the content script when the extension is gone (extension-alive.ts).
  // The frame then asks for its state (claimPanelFrame answers with it).
  frame.addEventListener(
    'load',
    () => {
      void told?.then(() => frame.contentWindow?.postMessage(token, panelUrl));
      followExtension(ctx);
    },
    on,
  );
  window.addEventListener('resize', relayout, on);
  // Media events do not bubble, but a capturing listener on the document sees every <video>'s, autoplay included.
  document.addEventListener('pause', () => attend({ paused: true }), { ...on, capture: true });
  document.addEventListener('playing', () => attend({ paused: false }), { ...on, capture: true });

  const host: PanelHost = {
    update(next) {
      state = next;
      relayout();
    },
    hold() {
      activity.held = true;
      place();
    },
    engage(engaged) {
      // The pointer or the keyboard left the panel: one opened by hand now fades with the controls too.
      attend(engaged ? { engaged } : { engaged, held: false });
    },
    current: () => ({
      ...state,
      layout: {
        maxHeight: room,
        fontSize: fontSize(window.innerWidth, state.settings.textSize),
        column: column(),
      },
    }),
    refit() {
      const controls = !!queryFirst(playerRoot, site.controls);
      // Autoplay can replace the player view: the new one is narrowed too.
      const changed = controls !== activity.controls || (column() && !narrowed?.element.isConnected);
      // The controls faded: a panel opened by hand now fades with them too.
      if (activity.controls && !controls) activity.held = false;
      activity.controls = controls;
      const next = measureRoom();
      if (next !== room) {
        room = next;
        place();
        void post();
      } else if (changed) place();
    },
    resize(_width, nextHeight) {
      height = nextHeight;
      place();
    },
    remove() {
      stop.abort();
      state = { ...state, open: false };
      narrow();
      frame.remove();
    },
  };
  room = measureRoom();
  place();
  // Loaded, the frame listens: it gets the state then too, should its own "hello" have been lost on a busy machine.
  frame.addEventListener('load', post, on);
  home().append(frame);
  followFullscreen();
  ctx.onInvalidated(() => host.remove());
  return host;
}
