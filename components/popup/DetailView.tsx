import { useEffect, useRef } from 'preact/hooks';
import type { EntityDetail } from '../../lib/views/catalog';
import { Badge } from '../shared/Badge';
import { SourceLinks } from '../shared/SourceLinks';

/** One result opened: a character card, an episode, a volume, a book or the show. */
export function DetailView({ detail, onBack }: { detail: EntityDetail; onBack: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [detail]);
  return (
    <article class="bs-detail" aria-labelledby="bs-detail-title">
      <button type="button" class="bs-back" onClick={onBack}>
        ← Back to results
      </button>
      <p class="bs-detail__show">{detail.showTitle}</p>
      <Body detail={detail} heading={heading} />
    </article>
  );
}

function Body({ detail, heading }: { detail: EntityDetail; heading: preact.RefObject<HTMLHeadingElement | null> }) {
  const title = (text: string) => (
    <h2 id="bs-detail-title" tabIndex={-1} ref={heading}>
      {text}
    </h2>
  );
  switch (detail.kind) {
    case 'character': {
      const { entry } = detail;
      return (
        <>
          {title(entry.name)}
          <p class="bs-detail__meta">
            {entry.actors.length ? `Played by ${entry.actors.map((a) => a.name).join(', ')}` : 'Actor not confirmed'}
            {detail.seasons.length > 0 && ` · seasons so far: ${detail.seasons.join(', ')}`}
            {entry.origin === 'show-only' && (
              <>
                {' '}
                <Badge tone="show-only">Show-only</Badge>
              </>
            )}
            {entry.originBook && (
              <>
                {' '}
                <Badge tone="book">From {entry.originBook}</Badge>
              </>
            )}
          </p>
          <p>{entry.summary}</p>
          {entry.notes.length > 0 && (
            <ul class="bs-list">
              {entry.notes.map((n) => (
                <li key={n.id}>
                  {n.text}
                  <SourceLinks sources={n.sources} />
                </li>
              ))}
            </ul>
          )}
          {entry.hidden.length > 0 && (
            <p class="bs-muted">
              {entry.hidden.length} more {entry.hidden.length === 1 ? 'note' : 'notes'} later in the story, hidden by your spoiler
              guard.
            </p>
          )}
          <SourceLinks sources={entry.sources} />
        </>
      );
    }
    case 'episode':
      return (
        <>
          {title(`${detail.code} · ${detail.title}`)}
          {detail.setup && <p>{detail.setup}</p>}
          {detail.synopsis && <p>{detail.synopsis}</p>}
          {detail.synopsisNote && <p class="bs-muted">{detail.synopsisNote}</p>}
          {detail.comic.length > 0 && (
            <>
              <h3>From the comic</h3>
              <ul class="bs-list">
                {detail.comic.map((c) => (
                  <li key={c.id}>
                    <Badge tone={c.fidelity}>{c.fidelity}</Badge> {c.note}
                  </li>
                ))}
              </ul>
            </>
          )}
          {detail.cast.length > 0 && (
            <>
              <h3>Cast this season</h3>
              <ul class="bs-list bs-list--compact">
                {detail.cast.map((c) => (
                  <li key={c.name}>
                    {c.name} <span class="bs-muted">— {c.actors.join(', ') || 'actor not confirmed'}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <SourceLinks sources={detail.sources} />
        </>
      );
    case 'volume':
      return (
        <>
          {title(detail.title)}
          <p class="bs-detail__meta">Published {detail.published}</p>
          {detail.arc ? <p>{detail.arc}</p> : <p class="bs-muted">The story summary is hidden until you reach it.</p>}
          <h3>Adapted in</h3>
          <ul class="bs-list bs-list--compact">
            {detail.episodes.map((e) => (
              <li key={e.id}>
                {e.code} {e.title} <span class="bs-muted">({e.note})</span>
              </li>
            ))}
          </ul>
          <SourceLinks sources={detail.sources} />
        </>
      );
    case 'book':
      return (
        <>
          {title(detail.title)}
          <p class="bs-detail__meta">{detail.subtitle}</p>
          <p>{detail.connection}</p>
          <SourceLinks sources={detail.sources} />
        </>
      );
    case 'show':
      return (
        <>
          {title(detail.showTitle)}
          <p>{detail.summary}</p>
          <ul class="bs-list bs-list--compact">
            {detail.seasons.map((s) => (
              <li key={s.number}>
                Season {s.number} ({s.releaseDate.slice(0, 4)})
                {s.volumes.length > 0 && ` · ${s.volumes.length === 1 ? 'Volume' : 'Volumes'} ${s.volumes.join(', ')}`}
              </li>
            ))}
          </ul>
          <SourceLinks sources={detail.sources} />
        </>
      );
  }
}
