/**
 * The content script's side of the catalog channel (catalog-hook.ts). Anything on the page can dispatch these
 * events, so a reply is only the page's claim: size-capped, parsed as JSON (never evaluated), and each entry
 * validated field by field; anything unexpected is dropped.
 */
import { REQUEST_EVENT, STATE_EVENT } from './catalog-hook';
import { cleanText } from './episode-line';

/** Larger replies are ignored before parsing. */
export const MAX_REPLY_CHARS = 16_000;
/** A GTI, as the API names titles (#17): `amzn1.dv.gti.<uuid>`. */
export const GTI = /^amzn1\.dv\.gti\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface CatalogEntry {
  gti: string;
  type: 'episode' | 'movie' | 'other';
  title?: string;
  seriesTitle?: string;
  season?: number;
  episode?: number;
  /** Arrival order: the later, the newer. */
  at: number;
}

const text = (v: unknown) => (typeof v === 'string' && v.length <= 500 ? cleanText(v) || undefined : undefined);
const count = (v: unknown) => (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 999 ? (v as number) : undefined);

export function parseEntry(raw: unknown): CatalogEntry | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { gti, catalog, at } = raw as { gti?: unknown; catalog?: unknown; at?: unknown };
  if (typeof gti !== 'string' || !GTI.test(gti) || !catalog || typeof catalog !== 'object') return undefined;
  const c = catalog as Record<string, unknown>;
  const type = c.type === 'EPISODE' ? 'episode' : c.type === 'MOVIE' ? 'movie' : 'other';
  return {
    gti,
    type,
    title: text(c.title),
    seriesTitle: text(c.seriesTitle),
    season: count(c.seasonNumber),
    episode: count(c.episodeNumber),
    at: count(at) ?? 0,
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
