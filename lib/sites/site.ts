/**
 * What a streaming site gives the watch session (lib/watch): the contract each folder beside this file fulfils.
 * The watch session, the panel frame and everything behind the background speak of a site and its ids, never of
 * Netflix; a site's selectors, page-world reader, metadata and title parsing stay in its folder.
 * Adding a site: CONTRIBUTING.md, "Add a site".
 */
import type { Identification, Observed } from '../identity/policy';

export type { Identification, Observed };

export interface SiteAdapter {
  /** A page where something plays: the watch session runs there and stops when the page stops being one. */
  isWatchUrl(url: URL | Location): boolean;
  /** Starts reading a watch page: whatever the site needs (a page-world script, its metadata, its DOM). */
  read(doc: Document, win: Window): SiteReader;
  /** Follows the player without polling: mounted, gone, the video or title changed, its layout moved. */
  watchPlayer(doc: Document, events: PlayerWatcherEvents): PlayerWatcher;
  /** The <video>, for the "watched" clock and the panel's size. */
  video: readonly string[];
  /** The box the side-by-side mode narrows. */
  playerView: readonly string[];
  /** The site's controls: while they show, the overlay panel shows too. */
  controls: readonly string[];
  /**
   * What the site paints over the picture that the panel must never cover (its buttons, control bar, caption lines):
   * one entry per thing, each a list of selectors that are fallbacks of one another.
   */
  keepClear: readonly (readonly string[])[];
  /**
   * The room, in CSS pixels, the site's controls take over the picture: above (its back and flag buttons) and below
   * (its control bar, when nothing more precise was measured). The panel over the picture keeps out of both.
   */
  controlBand: { top: number; bottom: number };
  /**
   * True when nothing may be put inside the player element (a site whose video blacks out when anything is added
   * there): the panel's frame then lives in <body>, and enters only the fullscreen element, while there is one.
   */
  panelOutsidePlayer?: boolean;
  /**
   * The episode's own time in its <video>, for a site whose <video> also plays other things (ads): the "watched"
   * clock counts only this. Absent: the video's own time is the episode's.
   */
  timeline?(video: HTMLVideoElement): EpisodeTimeline;
}

/** The episode's own time inside a <video> that may also play ads. */
export interface EpisodeTimeline {
  /** Seconds of the episode itself played at this point, or undefined while something else (an ad) plays. */
  position(video: HTMLVideoElement): number | undefined;
  /** The episode's own length in seconds, as far as it is known. */
  duration(video: HTMLVideoElement): number;
  /** Called when what `position` means changed (an ad started or ended); returns what unsubscribes. */
  onChange(listener: () => void): () => void;
}

export interface SiteReader {
  /**
   * What the page shows of the video playing, as signals named by where they were read. The background decides
   * what they mean (lib/identity/policy.ts), in one message per identification.
   */
  observe(): Promise<Observed>;
  /**
   * What each signal said in the last identification, as data for the panel's "Copy diagnostics" (the background
   * adds the version, the page's path and how the identification ended: lib/sites/report-lines.ts, ReportHeader).
   */
  diagnostics(): unknown;
}

export interface PlayerWatcherEvents {
  onPlayer(root: Element): void;
  onPlayerGone(): void;
  onChange(reason: 'video' | 'title'): void;
  /** Something in the player changed (debounced): buttons or subtitles may have appeared, moved or gone. */
  onLayout?(): void;
}

export interface PlayerWatcher {
  /** Re-check now (after a URL change, for example). */
  poke(): void;
  /** The title block is worth a look again: report when it next appears. */
  wantTitle(): void;
  stop(): void;
}
