/**
 * Fetches Netflix's metadata JSON for a video id, from the background (lib/sites/server-ask.ts), never from the
 * page's own origin: a request the content script made ran as the page, so a service worker the page installed
 * could have answered it (security review 2, "Not tried"); the extension's own request is not the page's to answer.
 * It carries the viewer's Netflix cookies (`credentials: 'include'`), which the browsers attach for a host the
 * extension holds permission for (README, "Security and privacy": what was measured and what is a guess).
 * English titles are asked for (`languages=en-US`, as universal-trakt-scrobbler does), so that a title fallback
 * compares like with like whatever the profile's language; the show itself is matched by its Netflix id. What the
 * last request did is kept for diagnostics. Its answer is the one signal the page cannot write
 * (lib/identity/policy.ts), as long as it came from Backstory's own route.
 */

import { type RateLimit, rateLimit } from '../rate-limit';
import { type MetadataSignals, readMetadata } from './metadata';
import { MEMBER_API_ROUTE, METADATA_TEMPLATES } from './selectors';

/** Said in the diagnostics: what happened to the last metadata request, with no data from the answer. */
export type MetadataOutcome =
  | 'not asked'
  | 'ok'
  | 'skipped (failed recently)'
  | 'skipped (too many requests)'
  | `failed: ${string}`;

export interface MetadataFetcher {
  (videoId: string, memberApiPath?: string): Promise<MetadataSignals | undefined>;
  outcome(): MetadataOutcome;
}

const MAX_BYTES = 3_000_000;
const TIMEOUT_MS = 4_000;
const LANGUAGE = '&languages=en-US';
const OWN = new Set<string>(METADATA_TEMPLATES);

/** At most this many metadata requests a minute for one tab, whatever its page does. */
export const METADATA_PER_MINUTE = 20;

export function createMetadataFetcher(
  origin: string,
  fetchImpl: typeof fetch = fetch,
  limit: RateLimit = rateLimit(METADATA_PER_MINUTE, 60_000),
): MetadataFetcher {
  const failures = new Map<string, number>();
  let outcome: MetadataOutcome = 'not asked';
  const fetchMetadata = async (videoId: string, memberApiPath?: string): Promise<MetadataSignals | undefined> => {
    if (!limit.take()) {
      outcome = 'skipped (too many requests)';
      return undefined;
    }
    // An id that failed recently is not asked again for 30 s (new titles can take a while to resolve).
    if (Date.now() - (failures.get(videoId) ?? 0) < 30_000) {
      outcome = 'skipped (failed recently)';
      return undefined;
    }
    // Backstory's own route first: only its answer is the server's word. A route the page names is tried last,
    // and what it answers is the page's word (`fromPage`), since the page chose where it came from.
    const fromPage =
      memberApiPath && MEMBER_API_ROUTE.test(memberApiPath) ? `${memberApiPath}/metadata?movieid={id}${LANGUAGE}` : undefined;
    const problems: string[] = [];
    for (const template of new Set([...OWN, fromPage ?? ''])) {
      if (!template) continue;
      const url = new URL(template.replace('{id}', encodeURIComponent(videoId)), origin);
      const json = await getJson(url, origin, fetchImpl, problems);
      const signals = json === undefined ? undefined : readMetadata(json, videoId);
      if (signals) {
        outcome = 'ok';
        return OWN.has(template) ? signals : { ...signals, fromPage: true };
      }
      if (json !== undefined) problems.push('unexpected shape');
    }
    outcome = `failed: ${problems.join(', ') || 'no route'}`;
    failures.set(videoId, Date.now());
    return undefined;
  };
  return Object.assign(fetchMetadata, { outcome: () => outcome });
}

async function getJson(url: URL, origin: string, fetchImpl: typeof fetch, problems: string[]): Promise<unknown> {
  if (url.origin !== origin) {
    problems.push('other origin refused');
    return undefined;
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetchImpl(url, {
      credentials: 'include',
      // The server's answer now, never one kept in a cache.
      cache: 'no-store',
      signal: controller.signal,
      headers: { accept: 'application/json' },
    });
    if (!response.ok) {
      problems.push(`HTTP ${response.status}`);
      return undefined;
    }
    const text = await readBounded(response, MAX_BYTES);
    if (text === undefined) {
      problems.push('too large');
      return undefined;
    }
    return JSON.parse(text);
  } catch (error) {
    problems.push(controller.signal.aborted ? 'timeout' : error instanceof SyntaxError ? 'not JSON' : 'network error');
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, or undefined once it passes `max` bytes: read as it streams, so a long answer is cut off early. */
async function readBounded(response: Response, max: number): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}
