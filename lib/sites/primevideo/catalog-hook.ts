/**
 * Runs in Prime Video's page world (entrypoints/primevideo-page.ts): watches the page's own requests for the catalog
 * (#16: `playerChromeResources` asked with `catalogMetadataV2`, through `fetch` since about May 2026 and XHR before)
 * and keeps the last few entries, keyed by the GTI the request asked for (`entityId`). It reads copies of the
 * responses and changes nothing the page sees. It answers each request event with one JSON string.
 */
import { CATALOG_ROUTE } from './selectors';

export const REQUEST_EVENT = 'backstory:prime-request';
export const STATE_EVENT = 'backstory:prime-state';
const KEEP = 6;

export interface RawEntry {
  gti: string;
  catalog: unknown;
  at: number;
}

export function isCatalogUrl(url: string): boolean {
  return url.includes(CATALOG_ROUTE.path) && url.includes(CATALOG_ROUTE.needs);
}

export function entityIdOf(url: string): string {
  try {
    return new URL(url, location.href).searchParams.get(CATALOG_ROUTE.idParam) ?? '';
  } catch {
    return '';
  }
}

export function installCatalogHook(win: Window & typeof globalThis): void {
  const entries: RawEntry[] = [];
  let seq = 0;
  const keep = (url: string, json: unknown) => {
    const catalog = (json as { resources?: { catalogMetadataV2?: { catalog?: unknown } } } | null)?.resources?.catalogMetadataV2
      ?.catalog;
    if (!catalog || typeof catalog !== 'object') return;
    const gti = entityIdOf(url);
    const at = ++seq;
    entries.splice(0, entries.length, ...entries.filter((e) => e.gti !== gti).slice(-(KEEP - 1)), { gti, catalog, at });
  };
  const fetch0 = win.fetch;
  win.fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const promise = fetch0.call(this ?? win, input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : (input as Request).url;
    if (isCatalogUrl(url))
      promise
        .then((r) =>
          r
            .clone()
            .json()
            .then((j) => keep(url, j)),
        )
        .catch(() => undefined);
    return promise;
  } as typeof fetch;
  const open0 = win.XMLHttpRequest.prototype.open;
  win.XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    const href = String(url);
    if (isCatalogUrl(href))
      this.addEventListener('load', () => {
        try {
          keep(href, this.responseType === 'json' ? this.response : JSON.parse(String(this.responseText)));
        } catch {
          // Not JSON: nothing to keep.
        }
      });
    return (open0 as (...a: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof open0;
  win.addEventListener(REQUEST_EVENT, (event) => {
    const nonce = (event as CustomEvent).detail;
    if (typeof nonce !== 'string' || nonce.length > 40) return;
    const detail = JSON.stringify({ source: 'backstory-prime', nonce, entries });
    win.dispatchEvent(new CustomEvent(STATE_EVENT, { detail }));
  });
}
