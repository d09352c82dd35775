/**
 * The lines every site's "Copy diagnostics" report shares (the report is for maintainers, in English): a labelled
 * value, the identification's result, and how many elements each selector's fallbacks match.
 */

export const line = (label: string, value: unknown) => `${label}: ${value === undefined || value === '' ? '—' : String(value)}`;

export const resultLine = (result: { status: string; reason?: string; via?: string } | null | undefined) =>
  line(
    'Result',
    result ? `${result.status}${result.reason ? ` (${result.reason})` : ''}${result.via ? ` via ${result.via}` : ''}` : 'not yet',
  );

export const selectorsLine = (names: readonly string[], selectors: readonly (readonly number[])[]) =>
  line('Selectors (matches per fallback)', selectors.map((counts, i) => `${names[i]} ${counts.join('/')}`).join('; '));

/** How an identification ended, as a report says it: only these three (the ids are in the trace). */
export interface ResultLine {
  status: string;
  reason?: string;
  via?: string;
}

/**
 * What the background adds to a site's diagnostics (lib/service/panel.ts), so that none of it travels in the
 * script injected into the site's pages: the version, the page's path, and how the tab's last identification ended.
 */
export interface ReportHeader {
  version?: string;
  path?: string;
  result?: ResultLine;
}

/** A page's path, without its query (tracking refs) or anything but plain path characters. */
export function pagePath(url: string | undefined): string | undefined {
  try {
    return new URL(url ?? '').pathname.replace(/[^\w/.-]/g, '').slice(0, 80);
  } catch {
    return undefined;
  }
}
