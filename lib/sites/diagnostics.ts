/**
 * "Copy diagnostics" as text, formatted in the panel's frame from the data the site's reader collected (`site`
 * names which), so that no words travel in the script injected into the site's page. The report is for
 * Backstory's maintainers, so it stays in English whatever the viewer's language.
 */
import type { SiteId } from '../ids/ids';
import { formatDiagnostics as netflix } from './netflix/diagnostics';
import { formatDiagnostics as primevideo } from './primevideo/diagnostics';

const FORMATTERS: Record<SiteId, (data: never) => string> = { netflix, primevideo };

export function formatSiteDiagnostics(data: unknown): string {
  if (!data || typeof data !== 'object') return '';
  const site = (data as { site?: unknown }).site;
  const format = typeof site === 'string' && Object.hasOwn(FORMATTERS, site) ? FORMATTERS[site as SiteId] : undefined;
  return format ? format(data as never) : '';
}
