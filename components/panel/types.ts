import type { ShowChoice, TitleLookupView } from '../../lib/lookup/title-view';
import type { PanelIdentity } from '../../lib/messaging/panel-messages';
import type { GuardMode } from '../../lib/pack/horizon';
import type { EpisodeContext, RevealedItem } from '../../lib/views/context';

export type PanelView =
  | { status: 'detecting' }
  | {
      status: 'ready';
      context: EpisodeContext;
      videoId?: string;
      /** Set when this episode is more than one past the furthest watched: count it only if the viewer says so. */
      askWatched?: { furthestEpisodeId?: string };
      /** Only the page says this is the episode (the background has not confirmed it): the panel says so. */
      guess?: boolean;
    }
  /** Not identified: shown as the content script sent it. */
  | Extract<PanelIdentity, { status: 'unknown' }>
  /** What went wrong, as a reason: the panel owns the words. */
  | { status: 'error'; reason: 'missing' | 'unreachable' | 'identify' };

export interface EpisodeChoice {
  id: string;
  code: string;
  title: string;
}

/** What the panel may ask of the content script; every call goes to the background service. */
export interface PanelActions {
  setOpen(open: boolean): void;
  reveal(handle: string): Promise<RevealedItem | null>;
  listEpisodes(showId: string): Promise<EpisodeChoice[]>;
  correct(showId: string, episodeId: string): Promise<void>;
  setReadVolume(showId: string, volume: number): Promise<void>;
  /** "Where are you?": watched up to this episode (null: nothing yet). */
  place(showId: string, episodeId: string | null): Promise<void>;
  setGuard(mode: GuardMode): Promise<void>;
  /** The viewer's answer to "count this episode as watched?". */
  confirmWatched(yes: boolean): Promise<void>;
  /** What each identification signal returned, as text for "Copy diagnostics". */
  diagnostics(): Promise<string>;
  /** Titles without a pack (issue 17); absent where the panel cannot look anything up. */
  lookups?: LookupActions;
}

export interface LookupActions {
  /** The shallow backstory of the title playing (status 'off' until the viewer allows lookups). */
  view(): Promise<TitleLookupView>;
  /**
   * Asks the browser for the lookup hosts, from the viewer's click; 'options' where this page cannot ask
   * (FIREFOX: a framed extension page has no permissions API) and opened the options page to do it there.
   */
  allow(): Promise<'granted' | 'denied' | 'options'>;
  candidates(): Promise<ShowChoice[] | 'unavailable' | 'off'>;
  choose(tvmazeId: number): Promise<TitleLookupView>;
  /** The viewer's word that the title only the page named is what plays: it is looked up from then on. */
  confirm(titleId: string): Promise<TitleLookupView>;
}
