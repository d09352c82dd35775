/**
 * The two channels of the panel frame (entrypoints/panel), neither of which Netflix's page can reach:
 * - state, content script → frame: `runtime.sendMessage` from the content script reaches only the extension's own
 *   pages; each frame keeps the messages carrying its own token (given in its URL by the content script that made it);
 * - actions, frame → content script: through the background (`relayToPanelHost`), which sends them to the tab the
 *   browser says the frame is in, to that tab's top frame only.
 * Never `postMessage`: the page could forge or read it.
 *
 * The content script's state carries ids, never the episode's context: the background attaches that on its way to
 * the frame (lib/service/panel-context.ts), so the site's page side never reads the curated notes, and what the
 * content script sends stays a few hundred bytes.
 */
import type { EpisodeContext } from '../views/context';

/** What the content script identified, as ids (the frame fetches what it shows for them). */
export type PanelIdentity =
  | { status: 'detecting' }
  | {
      status: 'resolved';
      showId: string;
      episodeId: string;
      videoId?: string;
      /**
       * Set by the background as it hands the state to the frame, from its own decision for the tab (never the
       * content script's word): false for a guess, which the panel says is one.
       */
      confirmed?: boolean;
    }
  | {
      status: 'unknown';
      title?: string;
      reason: 'unknown-show' | 'unknown-episode' | 'no-signal' | 'conflict';
      showId?: string;
      videoId?: string;
    }
  /** Identifying failed: the background did not answer. */
  | { status: 'failed' };

export interface PanelState {
  identity: PanelIdentity;
  open: boolean;
  /** Set when this episode is more than one past the furthest watched: count it only if the viewer says so. */
  askWatched?: { furthestEpisodeId?: string };
  /** What the content script measured of the site's page, for the frame to lay itself out. */
  layout: PanelLayout;
}

export interface PanelLayout {
  /**
   * The most height the panel may take: the window's, less the site's control bands. The room left clear of the
   * site's buttons and subtitles sizes the frame instead, which the panel fits (entrypoints/panel/frame.css).
   */
  maxHeight: number;
  /** Body text size in CSS pixels: scaled with the player, so it reads from a sofa on a TV-sized screen. */
  fontSize: number;
  /** The panel has a column of its own beside the narrowed player (side-by-side mode). */
  column: boolean;
  /** It sits at the player's left edge (settings.panelSide). */
  left: boolean;
}

export interface PanelStateMessage {
  backstoryPanel: 1;
  token: string;
  state: PanelState;
  /** Added by the background only, never by the content script (lib/service/panel-context.ts). */
  context?: AttachedContext;
}

/**
 * The context for the ids of a relayed state, which the background attaches the first time it hands the frame an
 * episode, so the frame paints its header from that message (issue 31). `key` is the episode's (lib/ids/ids.ts);
 * a null context: no pack has that episode.
 */
export interface AttachedContext {
  key: string;
  context: EpisodeContext | null;
}

export type PanelAction =
  | { action: 'hello' }
  | { action: 'open'; open: boolean }
  | { action: 'size'; width: number; height: number }
  /** The viewer uses the panel (keys were pressed in it a moment ago, a question awaits): it stays. */
  | { action: 'engaged'; engaged: boolean }
  /** The pointer is over the panel: it stays. */
  | { action: 'pointer'; over: boolean }
  /** One of the site's player keys, pressed while the panel had the keyboard: the page side does what it does. */
  | { action: 'key'; key: PlayerKey }
  | { action: 'correct'; showId: string; episodeId: string }
  | { action: 'confirmWatched'; yes: boolean }
  | { action: 'diagnostics' }
  /**
   * The viewer's shortcut, from the background itself (lib/messaging/tab-messages.ts): never relayed from the frame,
   * whose actions the background checks against a list without it (lib/service/inputs.ts, panelAction).
   */
  | { action: 'toggle' };

/**
 * What a player key pressed in the panel does: play or pause, mute, fullscreen, or only hand the keyboard back to
 * the player (the arrows and Esc), so that the next key reaches the site's player itself.
 */
export type PlayerKey = 'play' | 'mute' | 'fullscreen' | 'player';
export const PLAYER_KEYS: readonly PlayerKey[] = ['play', 'mute', 'fullscreen', 'player'];

export interface PanelActionMessage {
  backstoryPanelAction: PanelAction;
}

export function isPanelStateMessage(message: unknown, token: string): message is PanelStateMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as PanelStateMessage).backstoryPanel === 1 &&
    (message as PanelStateMessage).token === token
  );
}

export function isPanelActionMessage(message: unknown): message is PanelActionMessage {
  const action = (message as PanelActionMessage | null)?.backstoryPanelAction;
  return typeof action === 'object' && action !== null && typeof action.action === 'string';
}
