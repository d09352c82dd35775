/**
 * The content script's side of the catalog channel (catalog-hook.ts). Anything on the page can dispatch these
 * events, so a reply is only the page's claim: size-capped, parsed as JSON (never evaluated), taken only when it
 * answers our request, and each entry only with a well-formed GTI, its key and the video id. What an entry says of
 * the title (texts, numbers) is checked once, where it is used: the background drops a page signal with any of
 * them out of shape, and cleans its texts (lib/service/inputs.ts, observation).
 */
import { REQUEST_EVENT, STATE_EVENT } from './catalog-hook';

/** Larger replies are ignored before parsing. */
export const MAX_REPLY_CHARS = 16_000;
/** A GTI, as the API names titles (#17): `amzn1.dv.gti.<uuid>`. */
export const GTI = /^amzn1\.dv\.gti\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A catalog entry as the page delivered it: the GTI checked, the rest unchecked (see above). */
export interface CatalogEntry {
  gti: string;
  type: 'episode' | 'movie' | 'other';
  title?: unknown;
  seriesTitle?: unknown;
  season?: unknown;
  episode?: unknown;
  /** Arrival order: the later, the newer. */
  at: number;
}

export function parseEntry(raw: unknown): CatalogEntry | undefined {
  const { gti, catalog: c, at } = (raw ?? {}) as { gti?: unknown; catalog?: Record<string, unknown> | null; at?: unknown };
  if (typeof gti !== 'string' || !GTI.test(gti) || !c || typeof c !== 'object') return undefined;
  return {
    gti,
    type: c.type === 'EPISODE' ? 'episode' : c.type === 'MOVIE' ? 'movie' : 'other',
    title: c.title,
    seriesTitle: c.seriesTitle,
    season: c.seasonNumber,
    episode: c.episodeNumber,
    at: Number(at) || 0,
  };
}

export function parseReply(detail: unknown, nonce: string): CatalogEntry[] | undefined {
  if (typeof detail !== 'string' || detail.length > MAX_REPLY_CHARS) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(detail);
  } catch {
    return undefined;
  }
  const reply = data as { source?: unknown; nonce?: unknown; entries?: unknown };
  if (reply?.source !== 'backstory-prime' || reply.nonce !== nonce || !Array.isArray(reply.entries)) return undefined;
  return reply.entries
    .slice(-6)
    .map(parseEntry)
    .filter((e) => e !== undefined);
}

/** Asks the page-world hook for the catalog entries it saw, waiting briefly for a valid reply. */
export function requestCatalog(target: Window, timeoutMs = 250): Promise<CatalogEntry[] | undefined> {
  const nonce = Math.random().toString(36).slice(2);
  return new Promise((resolve) => {
    const done = (entries: CatalogEntry[] | undefined) => {
      target.removeEventListener(STATE_EVENT, onState);
      clearTimeout(timer);
      resolve(entries);
    };
    const onState = (event: Event) => {
      const entries = parseReply((event as CustomEvent).detail, nonce);
      if (entries) done(entries);
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    target.addEventListener(STATE_EVENT, onState);
    target.dispatchEvent(new CustomEvent(REQUEST_EVENT, { detail: nonce }));
  });
}
