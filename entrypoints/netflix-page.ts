/**
 * Runs in Netflix's own JavaScript world (injected by the content script) because only there can the player's
 * state be read (lib/sites/netflix/page-world.ts). It answers each request event with one JSON string and does nothing
 * else: no polling, no patching of Netflix's code.
 */
import { defineUnlistedScript } from '#imports';
import { MAX_REQUEST_CHARS, REQUEST_EVENT, STATE_EVENT } from '../lib/sites/netflix/page-bridge-events';
import { readPageWorld } from '../lib/sites/netflix/page-world';

export default defineUnlistedScript(() => {
  window.addEventListener(REQUEST_EVENT, (event) => {
    const detail = (event as CustomEvent).detail;
    if (typeof detail !== 'string' || detail.length > MAX_REQUEST_CHARS) return;
    // The nonce, then the ids of the video the page shows (page-bridge-events.ts, requestDetail).
    const [nonce, ...shown] = detail.split(' ');
    const state = { source: 'backstory-page', nonce, ...readPageWorld(window, shown) };
    window.dispatchEvent(new CustomEvent(STATE_EVENT, { detail: JSON.stringify(state) }));
  });
});
