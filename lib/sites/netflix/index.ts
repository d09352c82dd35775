/**
 * Netflix behind the site contract (../site.ts). Identification follows the evidence of what reads the live site
 * today (netflix-real-evidence.md): the player's state in the page world and the control bar's title text, each
 * gathered as a signal (identify.ts) for the background to weigh with the member API's metadata for the video id,
 * which the background asks for itself (lib/sites/server-ask.ts).
 */
import { injectPageScript } from '../page-script';
import type { SiteAdapter } from '../site';
import { collectDiagnostics } from './diagnostics';
import { createDomReader } from './dom-reader';
import { type IdentifyTrace, observe } from './identify';
import { watchPlayer } from './player-watcher';
import { CONTROLS, isWatchUrl, KEEP_CLEAR, PLAYER_VIEW, VIDEO } from './selectors';

export const netflix: SiteAdapter = {
  isWatchUrl,
  read(doc, win) {
    // Every page-state request waits for the page-world script, but never more than a second: a page that blocks
    // or removes it must not leave the panel waiting for ever.
    const pageScript = injectPageScript('/netflix-page.js');
    const dom = createDomReader(doc, win);
    const reader = {
      ...dom,
      pageState: async () => {
        await Promise.race([pageScript, new Promise((resolve) => setTimeout(resolve, 1000))]);
        return dom.pageState();
      },
    };
    let trace: IdentifyTrace = {};
    return {
      // The trace of the latest identification, filled in as its signals answer.
      observe() {
        trace = {};
        return observe(reader, trace);
      },
      diagnostics: () => collectDiagnostics({ doc, trace }),
    };
  },
  watchPlayer,
  video: VIDEO,
  playerView: PLAYER_VIEW,
  controls: CONTROLS,
  keepClear: KEEP_CLEAR,
  // Netflix's back and flag buttons above, its control bar below (the values lib/watch/layout.ts had as TOP, BOTTOM).
  controlBand: { top: 72, bottom: 128 },
};
