/**
 * Whether the panel is open, as a pure reducer over what happens: an identity (identity-loop.ts), the settings
 * and the shows it was closed for, and the viewer's own open or close. Unit-tested as a table (open-state.test.ts).
 *
 * Rules: on a recognised episode it opens by itself (settings.autoOpen) unless the viewer closed it for that
 * show; a choice made by hand holds for the show it was made on; while the next episode is being identified
 * nothing changes, so autoplay does not flicker it.
 */
import { type Identity, showOf } from './identity';

/** The shows the viewer closed the panel for, at most this many (the oldest are forgotten). */
export const MAX_CLOSED = 200;

export interface OpenState {
  open: boolean;
  /** The viewer opened or closed it by hand on this show. */
  chosen: boolean;
  /** Identifying the video playing now: no decision until it is known. */
  detecting: boolean;
  show?: string;
  /** The episode shown (of `show`), to notice a change of episode. */
  episode?: string;
  autoOpen: boolean;
  closedFor: readonly string[];
  /**
   * The panel just appeared without the viewer asking (it opened by itself, or turned to another episode): it
   * should stay in sight a few seconds, whatever the site's controls do.
   */
  announce: boolean;
}

export type OpenEvent =
  | { type: 'identity'; identity: Identity }
  /** `closedFor`: the list as stored, once it is read (absent: unchanged). */
  | { type: 'settings'; autoOpen: boolean; closedFor?: readonly string[] }
  | { type: 'viewer'; open: boolean };

export const INITIAL_OPEN: OpenState = {
  open: false,
  chosen: false,
  detecting: true,
  autoOpen: true,
  closedFor: [],
  announce: false,
};

const byItself = (s: OpenState) => !!s.show && s.autoOpen && !s.closedFor.includes(s.show);

export function reduceOpen(state: OpenState, event: OpenEvent): OpenState {
  const quiet = { ...state, announce: false };
  switch (event.type) {
    case 'identity': {
      if (event.identity.status === 'detecting') return { ...quiet, detecting: true };
      const show = showOf(event.identity);
      const episode = event.identity.status === 'resolved' ? event.identity.episodeId : undefined;
      const next = { ...quiet, detecting: false, show, episode, chosen: state.chosen && show === state.show };
      next.open = next.chosen ? state.open : byItself(next);
      next.announce = next.open && !!episode && (episode !== state.episode || show !== state.show);
      return next;
    }
    case 'settings': {
      const next = { ...quiet, autoOpen: event.autoOpen, closedFor: (event.closedFor ?? state.closedFor).slice(-MAX_CLOSED) };
      if (!next.chosen && !next.detecting) next.open = byItself(next);
      next.announce = next.open && !state.open;
      return next;
    }
    case 'viewer': {
      const { show } = state;
      const closedFor = show
        ? [...state.closedFor.filter((id) => id !== show), ...(event.open ? [] : [show])].slice(-MAX_CLOSED)
        : state.closedFor;
      return { ...quiet, open: event.open, chosen: true, closedFor };
    }
  }
}
