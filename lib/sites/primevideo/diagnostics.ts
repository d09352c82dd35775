/**
 * "Copy diagnostics" on Prime Video: what each identification signal returned, as data, and its formatter (run in
 * the panel's frame, so no words travel in the injected script). Only what Backstory read about the video: the
 * page path (no query: it carries tracking refs), selector matches, the catalog entry it paired, the parsed title.
 * No account data.
 */
import { line, type ReportHeader, resultLine, selectorsLine } from '../report-lines';
import type { IdentifyTrace } from './identify';
import { SELECTOR_LISTS, SELECTOR_TABLE } from './selectors';

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
  const { entry, title } = trace;
  return [
    `Backstory ${version ?? '?'} diagnostics (Prime Video)`,
    resultLine(result),
    line('Page path', path),
    line('Ad playing', trace.ad === undefined ? undefined : trace.ad ? 'yes' : 'no'),
    selectorsLine(Object.keys(SELECTOR_TABLE), selectors),
    line('Catalog entries seen', trace.entries),
    line(
      'Catalog said',
      entry &&
        `${entry.gti}, type ${entry.type}, show “${entry.seriesTitle ?? entry.title ?? ''}”, S${entry.season ?? '?'} E${entry.episode ?? '?'}`,
    ),
    line(
      'Player title',
      title &&
        `show “${title.showTitle ?? ''}”, S${title.line.season ?? '?'} E${title.line.episode ?? '?'}, title “${title.line.episodeTitle ?? ''}”`,
    ),
  ].join('\n');
}
