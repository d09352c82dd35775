/**
 * Prime Video behind the site contract (../site.ts), built on shared/reference/primevideo-evidence.md. The player is
 * an overlay on the detail page (#2), autoplay keeps the URL and the <video> (#4), ads play inside that <video> (#15),
 * and anything with height put inside the player blacked the video out for one extension (#19): so the panel lives
 * outside the player, the watcher follows the video rather than the URL, and the "watched" clock counts the episode's
 * own time only (ad-ledger.ts).
 */
import { injectPageScript } from '../page-script';
import type { SiteAdapter } from '../site';
import { createAdLedger } from './ad-ledger';
import { requestCatalog } from './catalog-bridge';
import { collectDiagnostics } from './diagnostics';
import { adPlaying, readTitle } from './dom-reader';
import { type IdentifyTrace, observe } from './identify';
import { type WatchMarks, watchPlayer } from './player-watcher';
import { CONTROLS, isWatchUrl, KEEP_CLEAR, PLAYER_VIEW, VIDEO } from './selectors';

/** How many more times the reader asks the hook for a catalog entry it has not seen yet, 250 ms apart. */
const CATALOG_LOOKS = 6;

// What the player watcher saw and the reader needs: the stale title after autoplay, the ads so far.
const marks: WatchMarks = { ledger: createAdLedger() };

export const primevideo: SiteAdapter = {
  isWatchUrl,
  read(doc, win) {
    // The catalog hook must be in the page before the player asks for the catalog: injected when the session starts.
    const pageScript = injectPageScript('/primevideo-page.js');
    let trace: IdentifyTrace = {};
    const reader = {
      adPlaying: () => adPlaying(doc),
      title: () => readTitle(doc),
      staleText: () => marks.stale,
      catalog: async () => {
        await Promise.race([pageScript, new Promise((resolve) => setTimeout(resolve, 1000))]);
        // The page's catalog response can land just after the player shows its title (a loaded machine): without
        // it there is no video id, and nothing a viewer corrects can be kept. A few more looks, 1.5 s at most.
        for (let look = 0; ; look++) {
          const entries = await requestCatalog(win);
          if (entries?.length || look >= CATALOG_LOOKS) return entries;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      },
    };
    return {
      observe() {
        trace = {};
        return observe(reader, trace);
      },
      diagnostics: () => collectDiagnostics(doc, trace),
    };
  },
  watchPlayer: (doc, events) => watchPlayer(doc, events, marks),
  video: VIDEO,
  playerView: PLAYER_VIEW,
  controls: CONTROLS,
  keepClear: KEEP_CLEAR,
  // GUESS: the title row above and the control bar below take about as much room as Netflix's (no 2026 capture of
  // the controls-visible state exists, "NOT known" 1); the keep-clear list covers what is measured at run time.
  controlBand: { top: 88, bottom: 120 },
  panelOutsidePlayer: true,
  timeline: () => marks.ledger,
};
