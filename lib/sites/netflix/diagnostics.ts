/**
 * The text behind the panel's "Copy diagnostics": what each identification signal returned, for a viewer to
 * paste into an issue when Backstory cannot tell what is playing. It holds only what Backstory itself read
 * about the video (selector matches, which page-world paths answered, the parsed title parts, ids of the video,
 * and, added by the background, the version, the page's path, the result and the metadata request's outcome and
 * answer) and never account data: no profile name, e-mail, account or profile ids, cookies or query strings.
 * Nothing here is sent anywhere; the viewer copies it.
 */
import { line, type ReportHeader, resultLine, selectorsLine } from '../report-lines';
import type { ServerAnswer } from '../server-ask';
import type { IdentifyTrace } from './identify';
import { SELECTOR_LISTS, SELECTOR_TABLE } from './selectors';
import { parseTitleParts } from './title-parser';

export interface DiagnosticsInput {
  doc: Document;
  trace: IdentifyTrace;
}

/**
 * What the content script gathers: plain data, no sentences. The panel's frame turns it into text
 * (formatDiagnostics), so the words stay out of the script injected into Netflix's page.
 */
export interface DiagnosticsData extends ReportHeader {
  /** Which site's reader collected this (lib/sites/diagnostics.ts picks the formatter by it). */
  site: 'netflix';
  trace: IdentifyTrace;
  /** Matches per fallback of each selector list, in SELECTOR_TABLE's order. */
  selectors: number[][];
  /** The metadata request the background made for this tab: added by the background (lib/service/panel.ts). */
  server?: ServerAnswer;
}

export function collectDiagnostics({ doc, trace }: DiagnosticsInput): DiagnosticsData {
  return {
    site: 'netflix',
    trace,
    selectors: SELECTOR_LISTS.map((list) => list.map((s) => doc.querySelectorAll(s).length)),
  };
}

export function formatDiagnostics({ version, path, result, trace, selectors, server }: DiagnosticsData): string {
  const { page, titleParts } = trace;
  const metadata = server?.signal?.value;
  const title = titleParts && parseTitleParts(titleParts);
  return [
    `Backstory ${version ?? '?'} diagnostics`,
    resultLine(result),
    line('Page path', path),
    line('Video id on the page', trace.domVideoId),
    selectorsLine(Object.keys(SELECTOR_TABLE), selectors),
    line('Page world', page ? page.probe : 'no answer'),
    line(
      'Page world said',
      page &&
        `video ${page.videoId ?? '—'}, show ${page.titleId ?? '—'}, type ${page.type ?? '—'}, S${page.season ?? '?'} E${page.episode ?? '?'}`,
    ),
    line(
      'Metadata request',
      `${server?.outcome ?? 'not asked'}${server?.signal?.kind === 'page-metadata' ? ' (on the route the page named)' : ''}`,
    ),
    line(
      'Metadata said',
      metadata &&
        `show ${metadata.titleId ?? '—'}, type ${metadata.type ?? '—'}, episode id ${metadata.episodeVideoId ?? '—'}, S${metadata.season ?? '?'} E${metadata.episode ?? '?'}`,
    ),
    line(
      'Title block',
      title &&
        `show “${title.showTitle ?? ''}”, S${title.season ?? '?'} E${title.episode ?? '?'}, title “${title.episodeTitle ?? ''}”`,
    ),
  ].join('\n');
}

/** Both steps at once, for tests: the content script's part, then the background's. */
export const buildDiagnostics = (input: DiagnosticsInput, added: ReportHeader & { server?: ServerAnswer } = {}) =>
  formatDiagnostics({ ...collectDiagnostics(input), ...added });
