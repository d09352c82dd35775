/**
 * Identifies what plays, again whenever the site says the video or title changed: each look is what the site's
 * reader observed, weighed by the background (lib/identity/policy.ts) in one message. Only the latest look counts
 * (a generation counter), a recap is waited out, and a page that keeps changing its video id is rate-limited.
 */
import { rateLimit } from '../sites/rate-limit';
import type { Identification } from '../sites/site';
import type { Identity } from './identity';

/** A recap playing before the episode is waited out: asked again every 2 s, for two minutes at most. */
const WAIT_RETRY_MS = 2_000;
const WAIT_RETRIES = 60;
/** Identifications a minute, at most, in one tab (each may ask the site for metadata): real viewing needs a few. */
const IDENTIFY_PER_MINUTE = 30;

export interface IdentityLoop {
  /** Look again now (the video or the title changed, or the viewer corrected the episode). */
  refresh(): Promise<void>;
  /** The video changed: whatever was known is not any more. */
  lost(): void;
  current(): Identity;
  stop(): void;
}

export function startIdentityLoop(
  /** One look: what the page shows, and what the background made of it. */
  identify: () => Promise<Identification>,
  onIdentity: (identity: Identity) => void,
  /** False once the extension is gone under the page: a failure then is not worth saying. */
  isValid: () => boolean,
): IdentityLoop {
  let identity: Identity = { status: 'detecting' };
  let generation = 0;
  let stopped = false;
  let waits = 0;
  let waitTimer: ReturnType<typeof setTimeout> | undefined;
  let limitTimer: ReturnType<typeof setTimeout> | undefined;
  const limit = rateLimit(IDENTIFY_PER_MINUTE, 60_000);

  const emit = (next: Identity) => {
    identity = next;
    onIdentity(next);
  };

  async function refresh(waiting = false): Promise<void> {
    if (stopped) return;
    // A page that keeps changing the video id gets at most IDENTIFY_PER_MINUTE identifications; the rest wait.
    if (!limit.take()) {
      limitTimer ??= setTimeout(() => {
        limitTimer = undefined;
        void refresh(waiting);
      }, limit.wait());
      return;
    }
    const gen = ++generation;
    clearTimeout(waitTimer);
    if (!waiting) waits = 0;
    try {
      const result = await identify();
      if (gen !== generation || stopped) return;
      if (result.status !== 'waiting') return emit(result);
      // A recap is playing under another id: the episode follows it, so look again shortly.
      if (identity.status !== 'detecting') emit({ status: 'detecting' });
      if (waits++ < WAIT_RETRIES) waitTimer = setTimeout(() => void refresh(true), WAIT_RETRY_MS);
    } catch {
      if (gen === generation && !stopped && isValid()) emit({ status: 'failed' });
    }
  }

  return {
    refresh: () => refresh(),
    lost() {
      if (identity.status !== 'detecting') emit({ status: 'detecting' });
    },
    current: () => identity,
    stop() {
      stopped = true;
      generation++;
      clearTimeout(waitTimer);
      clearTimeout(limitTimer);
    },
  };
}
