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
import type { PanelState, PanelStateMessage, PlayerKey } from '../messaging/panel-messages';
import { send } from '../messaging/send';
import type { Settings } from '../settings/settings';
import { queryFirst } from '../sites/query';
import type { SiteAdapter } from '../sites/site';
import { type Engagement, watchAttention } from './attention';
import { followExtension } from './extension-alive';
import { frameRoom } from './frame-room';
import { frameInert, frameStyle, styleWriter } from './frame-style';
import { clearBottom, obstacleBoxes } from './keep-clear';
import { fontSize, HANDLE, isShown, panelWidth, SIDE } from './layout';
import { focusPlayer, pressPlayerKey } from './player-keys';
import { playerNarrowing } from './player-narrow';
import type { WatchContext } from './watch-context';

/** What the watch session says, with the settings the layout follows; the host adds the layout it measures. */
export type PanelSession = Omit<PanelState, 'layout'> & { settings: Settings };

export interface PanelHost {
  update(session: PanelSession): void;
  /** Everything the frame shows, as it was last sent (the frame asks for it when it loads). */
  current(): PanelState;
  /** The player's layout changed: controls shown or gone, buttons or subtitles moved. */
  refit(): void;
  /** The viewer opened the panel by hand: shown until they leave it or the controls fade. */
  hold(): void;
  /**
   * The panel appeared without the viewer asking (it opened by itself, or turned to the next episode): in sight
   * for a few seconds after it painted, whatever the site's controls do (attention.ts).
   */
  announce(): void;
  /**
   * The frame says the viewer uses it: the pointer is over it, or keys were just pressed in it or a question awaits
   * an answer (a cross-origin frame's hover and keys are not seen from the page, so the frame reports them).
   * Focus alone does not count: after a click in it, the panel still fades with the controls.
   */
  engage(change: Engagement): void;
  /** A player key pressed in the panel (player-keys.ts). */
  key(key: PlayerKey): void;
  /** The frame reported the panel's size. */
  resize(width: number, height: number): void;
  remove(): void;
}

/** The room the site's own controls take above and below the picture (site.controlBand). */
type Band = SiteAdapter['controlBand'];

const maxPanelHeight = ({ top, bottom }: Band) => Math.max(120, window.innerHeight - top - bottom);

/**
 * The height the panel may take below the site's top band without covering the site's buttons or the subtitle
 * box in its column.
 */
function roomBelowTop(site: SiteAdapter, onLeft: boolean, width: number): number {
  const { top } = site.controlBand;
  const left = onLeft ? SIDE : window.innerWidth - SIDE - width;
  const obstacles = obstacleBoxes(document, site.keepClear, window.innerHeight);
  return clearBottom({ left, right: left + width, top }, obstacles, top + maxPanelHeight(site.controlBand)) - top;
}

/** Where the frame lives outside fullscreen: the player root, or <body> if the site's player must hold nothing of ours. */
const homeOf = (site: SiteAdapter, playerRoot: Element): Element => (site.panelOutsidePlayer ? document.body : playerRoot);

/**
 * Follow fullscreen: Netflix, for one, fullscreens its own root, which may or may not contain the player subtree.
 * On the way out it goes back to its home: the player root itself (the inner element may be replaced on autoplay),
 * or <body> for a site whose player must hold nothing of ours (site.panelOutsidePlayer), inside the fullscreen
 * element only while there is one (fixed, so it takes no room in the player's flow).
 */
function intoFullscreen(frame: HTMLElement, home: Element) {
  const fullscreen = document.fullscreenElement;
  if (fullscreen) {
    if (!fullscreen.contains(frame)) fullscreen.append(frame);
  } else if (frame.parentElement !== home && home.isConnected) {
    home.append(frame);
  }
}

/**
 * Sends the frame its state when it changed, through the background, which learns the token here and hands the
 * state to the frame that gives the token back only (lib/messaging/panel-binding.ts). After the extension was
 * reloaded under this page, sending throws at once: the page is then left alone.
 * Only the frame made here is the panel: on each of its loads (moving it makes a new one), once the background has
 * the token (`told`: the first state sent carries it), it gets the token, addressed to the panel's address as made
 * here (never read back from the element); and it tells the content script when the extension is gone
 * (extension-alive.ts). The frame then asks for its state (claimPanelFrame answers with it), and is sent the whole
 * state again too, should that be lost on a busy machine.
 */
function linkFrame(
  ctx: WatchContext,
  frame: HTMLIFrameElement,
  panelUrl: string,
  token: string,
  current: () => PanelState,
  signal: AbortSignal,
): () => void {
  let told: Promise<unknown> | undefined;
  let sent = '';
  const post = () => {
    const state = current();
    const json = JSON.stringify(state);
    if (json === sent) return;
    sent = json;
    const message: PanelStateMessage = { backstoryPanel: 1, token, state };
    const sending = ctx.isValid ? send('relayToPanel', message).catch(() => undefined) : undefined;
    told ??= sending;
  };
  frame.addEventListener(
    'load',
    () => {
      void told?.then(() => frame.contentWindow?.postMessage(token, panelUrl));
      followExtension(ctx);
      sent = '';
      post();
    },
    { signal },
  );
  return post;
}

export function mountPanelFrame(ctx: WatchContext, site: SiteAdapter, playerRoot: Element, initial: PanelSession): PanelHost {
  let state = initial;
  let height = HANDLE.height;
  const stop = new AbortController();
  const narrowing = playerNarrowing();

  // getRandomValues, not randomUUID: the latter exists only in secure contexts. Never in the page (not in the
  // frame's address): it is what makes this frame the panel (lib/messaging/panel-binding.ts).
  const token = crypto.getRandomValues(new Uint32Array(4)).join('-');
  const panelUrl = browser.runtime.getURL('/panel.html');
  // "Copy diagnostics" writes to the clipboard, which a cross-origin frame may do only when allowed.
  const frame = Object.assign(document.createElement('iframe'), { src: panelUrl, title: 'Backstory', allow: 'clipboard-write' });
  frame.setAttribute('data-backstory', 'panel');
  const write = styleWriter(frame);

  const mode = () => state.settings.panelMode;
  const column = () => state.open && mode() === 'side';
  const widthOf = () => (state.open ? panelWidth(state.settings.panelSize, window.innerWidth, mode()) : HANDLE.width);
  const onLeft = () => state.settings.panelSide === 'left';
  const measureRoom = () => (column() ? window.innerHeight : roomBelowTop(site, onLeft(), widthOf()));

  /** Side by side: the player view gives up the panel's column; anything else: it gets its own styles back. */
  const narrow = () =>
    narrowing.apply(column() ? queryFirst<HTMLElement>(playerRoot, site.playerView) : null, widthOf(), onLeft());

  const shownNow = () => isShown(mode(), state.open, attention.activity);
  const place = () => {
    const { open } = state;
    const shown = shownNow();
    // Fading with the keyboard in it would leave the focus nowhere: it goes back to the player.
    if (!shown && document.activeElement === frame) focusPlayer(playerRoot);
    // Shown with a room measured before the player's layout changed: placed once it is measured again.
    if (shown && !room.current()) return;
    write(
      frameStyle({
        top: site.controlBand.top,
        column: column(),
        onLeft: onLeft(),
        width: widthOf(),
        height: column()
          ? window.innerHeight
          : Math.min(open ? height : HANDLE.height, open ? room.height : maxPanelHeight(site.controlBand)),
        fade: shown ? 'in' : 'out',
      }),
    );
    frameInert(frame, shown ? 'in' : 'out');
    narrow();
    post();
  };
  const post = linkFrame(ctx, frame, panelUrl, token, () => host.current(), stop.signal);
  const relayout = () => {
    room.stale();
    place();
  };
  const attention = watchAttention(
    site,
    playerRoot,
    (a) => isShown(mode(), state.open, a),
    () => place(),
    stop.signal,
  );
  const room = frameRoom(measureRoom, shownNow, place, stop.signal);
  const followFullscreen = () => {
    intoFullscreen(frame, homeOf(site, playerRoot));
    relayout();
  };
  document.addEventListener('fullscreenchange', followFullscreen, stop);
  window.addEventListener('resize', relayout, stop);

  const host: PanelHost = {
    update(next) {
      // Only what moves or sizes the frame makes its room worth measuring again (not a new episode or question).
      const moved = next.open !== state.open || next.settings !== state.settings;
      state = next;
      if (moved) relayout();
      else place();
    },
    hold: attention.hold,
    announce: attention.announce,
    engage: attention.engage,
    key: (key) => pressPlayerKey(key, playerRoot, queryFirst<HTMLVideoElement>(document, site.video)),
    current: () => ({
      identity: state.identity,
      open: state.open,
      askWatched: state.askWatched,
      layout: {
        left: onLeft(),
        // Not the room clear of captions and buttons, which sizes the frame the panel fits (issue 31).
        maxHeight: column() ? window.innerHeight : maxPanelHeight(site.controlBand),
        fontSize: fontSize(window.innerWidth, state.settings.textSize),
        column: column(),
      },
    }),
    refit() {
      room.stale();
      // Controls that show make it show: it is measured and placed then (attention's onChange).
      attention.controls(!!queryFirst(playerRoot, site.controls));
      // Shown all along (pinned, side by side, or in use): measured again; autoplay may have replaced the player
      // view, which is narrowed too.
      if (shownNow()) place();
    },
    resize(_width, nextHeight) {
      height = nextHeight;
      place();
      // It painted: the time in sight counts from now (on a slow machine that is well after it opened).
      attention.painted();
    },
    remove() {
      stop.abort();
      state = { ...state, open: false };
      narrow();
      frame.remove();
    },
  };
  homeOf(site, playerRoot).append(frame);
  intoFullscreen(frame, homeOf(site, playerRoot));
  place();
  ctx.onInvalidated(() => host.remove());
  return host;
}
