import type { SourceLink } from '../../lib/views/context';
import { t } from '../i18n';
import { publisherName } from './publisher';

/**
 * The sources behind a card, one click away: a single "Sources" disclosure that lists each publisher by name
 * (opened in a new tab). Duplicates (one source behind several lines of a card) are listed once.
 */
export function SourceLinks({ sources }: { sources: SourceLink[] }) {
  const unique = [...new Map(sources.map((s) => [s.key, s])).values()];
  if (unique.length === 0) return null;
  return (
    <details class="bs-sources">
      <summary>{t('shared.sources', { count: unique.length })}</summary>
      <ul>
        {unique.map((s) => (
          <li key={s.key}>
            {s.url ? (
              <a href={s.url} target="_blank" rel="noopener noreferrer" title={s.url}>
                {publisherName(s.title)}
              </a>
            ) : (
              <span title={s.note}>{s.note ?? s.title}</span>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
