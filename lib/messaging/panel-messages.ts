/**
 * The two channels of the panel frame (entrypoints/panel), neither of which Netflix's page can reach:
 * - state, content script → frame: `runtime.sendMessage` from the content script reaches only the extension's own
 *   pages; each frame keeps the messages carrying its own token (given in its URL by the content script that made it);
 * - actions, frame → content script: through the background (`relayToPanelHost`), which sends them to the tab the
 *   browser says the frame is in, to that tab's top frame only.
 * Never `postMessage`: the page could forge or read it.
 */
import type { PanelView } from '../../components/panel/types';
import type { Settings } from '../settings/settings';

export interface PanelState {
  view: PanelView;
  open: boolean;
  settings: Settings;
  shortcut: string;
  /** What the content script measured of Netflix's page, for the frame to lay itself out. */
  layout: PanelLayout;
}

export interface PanelLayout {
  /** The most height the panel may take: the player's, less the room kept for Netflix's buttons and subtitles. */
  maxHeight: number;
  /** Body text size in CSS pixels: scaled with the player, so it reads from a sofa on a TV-sized screen. */
  fontSize: number;
  /** The panel has a column of its own beside the narrowed player (side-by-side mode). */
  column: boolean;
}

export interface PanelStateMessage {
  backstoryPanel: 1;
  token: string;
  state: PanelState;
}

export type PanelAction =
  | { action: 'hello' }
  | { action: 'open'; open: boolean }
  | { action: 'size'; width: number; height: number }
  /** The pointer is over the panel or the keyboard is in it: it stays while the viewer uses it. */
  | { action: 'engaged'; engaged: boolean }
  | { action: 'correct'; showId: string; episodeId: string }
  | { action: 'confirmWatched'; yes: boolean }
  | { action: 'diagnostics' };

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
