/**
 * The text behind the panel's "Copy diagnostics": what each identification signal returned, for a viewer to
 * paste into an issue when Backstory cannot tell what is playing. It holds only what Backstory itself read
 * about the video (selector matches, which page-world paths answered, the metadata request's outcome, the
 * parsed title parts, ids of the video) and never account data: no profile name, e-mail, account or profile
 * ids, cookies or query strings. Nothing here is sent anywhere; the viewer copies it.
 */
import type { IdentifyTrace } from './identify';
import { SELECTOR_TABLE } from './selectors';

export interface DiagnosticsInput {
  version: string;
  /** Only the path is used: Netflix's query strings carry tracking ids. */
  url: URL | Location;
  doc: Document;
  trace: IdentifyTrace;
  metadataOutcome: string;
  result: string;
}

const line = (label: string, value: unknown) => `${label}: ${value === undefined || value === '' ? '—' : String(value)}`;

export function buildDiagnostics({ version, url, doc, trace, metadataOutcome, result }: DiagnosticsInput): string {
  const { page, metadata, title } = trace;
  const selectors = Object.entries(SELECTOR_TABLE).map(
    ([name, list]) => `${name} ${list.map((s) => doc.querySelectorAll(s).length).join('/')}`,
  );
  const path = url.pathname.replace(/[^\w/.-]/g, '').slice(0, 80);
  return [
    `Backstory ${version} diagnostics`,
    line('Result', result),
    line('Page path', path),
    line('Video id on the page', trace.domVideoId),
    line('Selectors (matches per fallback)', selectors.join('; ')),
    line('Page world', page ? page.probe : 'no answer'),
    line(
      'Page world said',
      page &&
        `video ${page.videoId ?? '—'}, show ${page.titleId ?? '—'}, type ${page.type ?? '—'}, S${page.season ?? '?'} E${page.episode ?? '?'}`,
    ),
    line('Metadata request', metadataOutcome),
    line(
      'Metadata said',
      metadata &&
        `show ${metadata.titleId}, type ${metadata.type ?? '—'}, episode id ${metadata.episodeVideoId ?? '—'}, S${metadata.season ?? '?'} E${metadata.episode ?? '?'}`,
    ),
    line(
      'Title block',
      title &&
        `show “${title.showTitle ?? ''}”, S${title.season ?? '?'} E${title.episode ?? '?'}, title “${title.episodeTitle ?? ''}”`,
    ),
  ].join('\n');
}
