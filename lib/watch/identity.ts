/**
 * What the watch session knows of what plays, as the identity loop (identity-loop.ts) emits it: the site's
 * identification without the recap wait (which the loop waits out itself), or that it is still looking or failed.
 */
import type { Identification } from '../sites/site';

export type Identity =
  | { status: 'detecting' }
  | Extract<Identification, { status: 'resolved' | 'unknown' }>
  /** Identifying threw (the background did not answer): the panel says so. */
  | { status: 'failed' };

/** The show of a recognised episode: what the open/closed choice is remembered by. */
export const showOf = (identity: Identity): string | undefined => (identity.status === 'resolved' ? identity.showId : undefined);
