import type { SourceLink } from '../../lib/db/context';

/** The sources behind a fact, one click away: a disclosure that lists each link (opened in a new tab). */
export function SourceLinks({ sources, label = 'Sources' }: { sources: SourceLink[]; label?: string }) {
  if (sources.length === 0) return null;
  return (
    <details class="bs-sources">
      <summary>
        {label} ({sources.length})
      </summary>
      <ul>
        {sources.map((s) => (
          <li key={s.key}>
            {s.url ? (
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                {s.title}
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
