/**
 * Netflix's keys while the panel has the keyboard (issue 25). The panel is a frame of its own, so keys pressed in
 * it never reach the page; a viewer who clicked in it still expects Space to pause. So the player's keys are
 * handed to the page side (lib/watch/player-keys.ts), which does what the key does and gives the keyboard back
 * to the player:
 * - Space and K play or pause, M mutes, F toggles fullscreen;
 * - the arrows and Esc give the keyboard back to the player (the next press seeks or sets the volume there);
 * - Tab, Shift+Tab and Enter stay in the panel: Enter opens a row or presses a button, Space does not (a viewer
 *   on Netflix expects Space to pause, which the issue asks for);
 * - in a form field (the "Where are you?" selects, a text box) every key but Esc stays with the field.
 */
import type { PlayerKey } from '../../lib/messaging/panel-messages';

const KEYS: Record<string, PlayerKey> = {
  ' ': 'play',
  k: 'play',
  m: 'mute',
  f: 'fullscreen',
  ArrowLeft: 'player',
  ArrowRight: 'player',
  ArrowUp: 'player',
  ArrowDown: 'player',
  Escape: 'player',
};
const FIELDS = 'input, select, textarea, [contenteditable]:not([contenteditable="false"])';

/** Calls `press` for a player key (and keeps it from the panel), `other` for any other key pressed in it. */
export function routePlayerKeys(press: (key: PlayerKey) => void, other: () => void): void {
  window.addEventListener(
    'keydown',
    (event) => {
      const key = KEYS[event.key.length === 1 ? event.key.toLowerCase() : event.key];
      const inField = event.target instanceof Element && event.target.closest(FIELDS);
      if (!key || event.ctrlKey || event.altKey || event.metaKey || (inField && event.key !== 'Escape')) return other();
      event.preventDefault();
      event.stopPropagation();
      press(key);
    },
    { capture: true },
  );
}
