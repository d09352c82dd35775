/**
 * Places the panel's frame (entrypoints/panel, an extension page) beside Netflix's video and keeps it inside
 * whatever element is fullscreen. The content script only places the frame and sends it state; the panel itself
 * runs in the extension's origin, where Netflix's page can neither read it nor drive it (security review B2, B9,
 * B-K). The frame is sized to what it shows, so it covers no more of the picture than the panel does, and it
 * stops above Netflix's own buttons and the subtitle box when they share its column (KEEP_CLEAR).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from '#imports';
import type { PanelState, PanelStateMessage } from '../../lib/messaging/panel-messages';
import { clearBottom } from '../../lib/netflix/keep-clear';
import { KEEP_CLEAR } from '../../lib/netflix/selectors';

/** Room kept free above and below the panel: Netflix's top bar, and its control bar and subtitles. */
const TOP = 72;
const BOTTOM = 128;
const SIDE = 16;
const HANDLE = { width: 44, height: 60 };
const WIDE = 1600;

/** What the watch session says; the host adds the layout it measures (width class, room left). */
export type PanelSession = Omit<PanelState, 'wide' | 'maxHeight'>;

export interface PanelHost {
  update(session: PanelSession): void;
  /** Everything the frame shows, as it was last sent (the frame asks for it when it loads). */
  current(): PanelState;
  /** The player's layout changed: keep clear of Netflix's buttons and the subtitles again. */
  refit(): void;
  /** The frame reported the panel's size. */
  resize(width: number, height: number): void;
  remove(): void;
}

const maxPanelHeight = () => Math.max(120, window.innerHeight - TOP - BOTTOM);

export function mountPanelFrame(ctx: ContentScriptContext, playerRoot: Element, initial: PanelSession): PanelHost {
  let state = initial;
  let height = HANDLE.height;
  let room = 0;
  // getRandomValues, not randomUUID: the latter exists only in secure contexts.
  const token = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const frame = document.createElement('iframe');
  frame.src = `${browser.runtime.getURL('/panel.html')}#t=${token}`;
  frame.title = 'Backstory';
  // "Copy diagnostics" writes to the clipboard, which a cross-origin frame may do only when allowed.
  frame.allow = 'clipboard-write';
  frame.setAttribute('data-backstory', 'panel');

  const widthOf = () => (state.open ? Math.min(state.settings.panelWidth, window.innerWidth - 2 * SIDE) : HANDLE.width);
  /** The height the panel may take without covering Netflix's buttons or the subtitle box in its column. */
  const measureRoom = () => {
    const width = widthOf();
    const left = state.settings.panelSide === 'left' ? SIDE : window.innerWidth - SIDE - width;
    const obstacles = [...document.querySelectorAll(KEEP_CLEAR.join(','))].map((e) => e.getBoundingClientRect());
    return clearBottom({ left, right: left + width, top: TOP }, obstacles, TOP + maxPanelHeight()) - TOP;
  };
  const place = () => {
    const { open, settings } = state;
    const width = widthOf();
    const top = open ? TOP : TOP + Math.max(0, (maxPanelHeight() - HANDLE.height) / 2);
    const style: Record<string, string> = {
      position: 'fixed',
      top: `${top}px`,
      [settings.panelSide === 'left' ? 'left' : 'right']: `${SIDE}px`,
      [settings.panelSide === 'left' ? 'right' : 'left']: 'auto',
      bottom: 'auto',
      width: `${width}px`,
      height: `${Math.min(open ? height : HANDLE.height, open ? room : maxPanelHeight())}px`,
      border: '0',
      margin: '0',
      padding: '0',
      background: 'transparent',
      'z-index': '2147483000',
      display: 'block',
      visibility: 'visible',
    };
    // Important, inline: Netflix's style sheets cannot move or hide the frame by accident.
    for (const [name, value] of Object.entries(style)) frame.style.setProperty(name, value, 'important');
  };
  const post = () => {
    // After the extension was reloaded under this page, sending throws at once: the page is then left alone.
    if (!ctx.isValid) return;
    const message: PanelStateMessage = { backstoryPanel: 1, token, state: host.current() };
    try {
      void browser.runtime.sendMessage(message).catch(() => undefined);
    } catch {
      // The extension's context is gone.
    }
  };

  // Follow fullscreen: Netflix fullscreens its own root, which may or may not contain the player subtree.
  // On the way out it goes back to the player root itself: the inner element may be replaced on autoplay.
  const followFullscreen = () => {
    const fullscreen = document.fullscreenElement;
    if (fullscreen) {
      if (!fullscreen.contains(frame)) fullscreen.append(frame);
    } else if (frame.parentElement !== playerRoot && playerRoot.isConnected) {
      playerRoot.append(frame);
    }
  };
  const stop = new AbortController();
  document.addEventListener('fullscreenchange', followFullscreen, { signal: stop.signal });
  window.addEventListener('resize', () => host.update(state), { signal: stop.signal });

  const host: PanelHost = {
    update(next) {
      state = next;
      room = measureRoom();
      place();
      post();
    },
    current: () => ({ ...state, wide: window.innerWidth >= WIDE, maxHeight: room }),
    refit() {
      const next = measureRoom();
      if (next === room) return;
      room = next;
      place();
      post();
    },
    resize(_width, nextHeight) {
      height = nextHeight;
      place();
    },
    remove() {
      stop.abort();
      frame.remove();
    },
  };
  room = measureRoom();
  place();
  playerRoot.append(frame);
  followFullscreen();
  ctx.onInvalidated(() => host.remove());
  return host;
}
