/**
 * "Copy diagnostics" on Prime Video: what each identification signal returned, as data, and its formatter (run in
 * the panel's frame, so no words travel in the injected script). Only what Backstory read about the video: the
 * page path (no query: it carries tracking refs), selector matches, the catalog entry paired, the parsed title (both
 * computed here as the background computes them, pair.ts and title.ts, so the injected script carries neither).
 * No account data.
 */
import { line, type ReportHeader, resultLine, selectorsLine } from '../report-lines';
import type { IdentifyTrace } from './identify';
import { pickEntry } from './pair';
import { SELECTOR_LISTS, SELECTOR_TABLE } from './selectors';
import { parsePrimeTitle } from './title';

/** The version, path and result are the background's to add (lib/service/panel.ts). */
export interface DiagnosticsData extends ReportHeader {
  site: 'primevideo';
  trace: IdentifyTrace;
  /** Matches per fallback of each selector list, in SELECTOR_TABLE's order. */
  selectors: number[][];
}

export function collectDiagnostics(doc: Document, trace: IdentifyTrace): DiagnosticsData {
  return {
    site: 'primevideo',
    trace,
    selectors: SELECTOR_LISTS.map((list) => list.map((s) => doc.querySelectorAll(s).length)),
  };
}

export function formatDiagnostics({ version, path, result, trace, selectors }: DiagnosticsData): string {
  const parts = trace.title?.parts;
  const entry = trace.entries && pickEntry(trace.entries, parts);
  const title = parts && parsePrimeTitle(parts);
  return [
    `Backstory ${version ?? '?'} diagnostics (Prime Video)`,
    resultLine(result),
    line('Page path', path),
    line('Ad playing', trace.ad === undefined ? undefined : trace.ad ? 'yes' : 'no'),
    selectorsLine(Object.keys(SELECTOR_TABLE), selectors),
    line('Catalog entries seen', trace.entries?.length),
    line(
      'Catalog said',
      entry &&
        `${entry.gti}, type ${entry.type}, show “${entry.seriesTitle ?? entry.title ?? ''}”, S${entry.season ?? '?'} E${entry.episode ?? '?'}`,
    ),
    line(
      'Player title',
      title &&
        `show “${title.showTitle ?? ''}”, S${title.season ?? '?'} E${title.episode ?? '?'}, title “${title.episodeTitle ?? ''}”`,
    ),
  ].join('\n');
}
