/**
 * Fetches Netflix's metadata JSON for a video id from the page's own origin (the request carries the viewer's
 * Netflix cookies and goes nowhere else). The route has moved before, so the known templates are tried in
 * turn and the one that answers is remembered for next time.
 */
import { type MetadataSignals, readMetadata } from './metadata';
import { METADATA_TEMPLATES } from './selectors';

export interface TemplateMemory {
  get(): Promise<string | undefined>;
  set(template: string): Promise<void>;
}

const MAX_BYTES = 3_000_000;
const TIMEOUT_MS = 4_000;

export function createMetadataFetcher(origin: string, memory: TemplateMemory, fetchImpl: typeof fetch = fetch) {
  const failures = new Map<string, number>();
  return async function fetchMetadata(videoId: string, memberApiPath?: string): Promise<MetadataSignals | undefined> {
    // An id that failed recently is not asked again for 30 s (new titles can take a while to resolve).
    if (Date.now() - (failures.get(videoId) ?? 0) < 30_000) return undefined;
    const remembered = await memory.get();
    const fromPage = memberApiPath ? `${memberApiPath}/metadata?movieid={id}` : undefined;
    const templates = [...new Set([remembered, fromPage, ...METADATA_TEMPLATES].filter((t): t is string => !!t))];
    for (const template of templates) {
      const json = await getJson(new URL(template.replace('{id}', encodeURIComponent(videoId)), origin), origin, fetchImpl);
      const signals = json === undefined ? undefined : readMetadata(json, videoId);
      if (signals) {
        if (template !== remembered) await memory.set(template);
        return signals;
      }
    }
    failures.set(videoId, Date.now());
    return undefined;
  };
}

async function getJson(url: URL, origin: string, fetchImpl: typeof fetch): Promise<unknown> {
  if (url.origin !== origin) return undefined;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetchImpl(url, {
      credentials: 'include',
      signal: controller.signal,
      headers: { accept: 'application/json' },
    });
    if (!response.ok) return undefined;
    const text = await response.text();
    return text.length > MAX_BYTES ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
