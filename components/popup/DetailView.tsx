import { useEffect, useRef } from 'preact/hooks';
import type { EntityDetail } from '../../lib/views/catalog';
import { formatDate, formatList, t } from '../i18n';
import { Badge } from '../shared/Badge';
import { fidelityText } from '../shared/fidelity';
import { changeText } from '../shared/issues';
import { SourceLinks } from '../shared/SourceLinks';
import { bookKind, viaText } from './words';

const SYNOPSIS = {
  unconfirmed: () => t('popup.synopsis.unconfirmed'),
  unwatched: () => t('popup.synopsis.unwatched'),
  unreached: () => t('popup.synopsis.unreached'),
} as const;

/** One result opened: a character card, an episode, a volume, a book or the show. */
export function DetailView({ detail, onBack }: { detail: EntityDetail; onBack: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [detail]);
  return (
    <article class="bs-detail" aria-labelledby="bs-detail-title">
      <button type="button" class="bs-back" onClick={onBack}>
        {t('popup.back')}
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
            {entry.actors.length
              ? t('popup.playedBy', { actors: formatList(entry.actors.map((a) => a.name)) })
              : t('popup.actorUnconfirmed')}
            {detail.seasons.length > 0 && ` · ${t('popup.seasonsSoFar', { seasons: formatList(detail.seasons) })}`}
            {entry.origin === 'show-only' && (
              <>
                {' '}
                <Badge tone="show-only">{t('common.showOnly')}</Badge>
              </>
            )}
            {entry.originBook && (
              <>
                {' '}
                <Badge tone="book">{t('common.fromBook', { book: entry.originBook })}</Badge>
              </>
            )}
            {entry.change && (
              <>
                {' '}
                <Badge tone="changed">{changeText(entry.change)}</Badge>
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
          {entry.hidden.length > 0 && <p class="bs-muted">{t('popup.moreNotes', entry.hidden.length)}</p>}
          <SourceLinks sources={entry.sources} />
        </>
      );
    }
    case 'episode':
      return (
        <>
          {title(`${detail.code ?? t('popup.film')} · ${detail.title}`)}
          {detail.setup && <p>{detail.setup}</p>}
          {detail.synopsis && <p>{detail.synopsis}</p>}
          {detail.synopsisState && <p class="bs-muted">{SYNOPSIS[detail.synopsisState]()}</p>}
          {detail.statusNote && <p class="bs-muted">{detail.statusNote}</p>}
          {detail.comic.length > 0 && (
            <>
              <h3>{t('panel.comic.heading')}</h3>
              <ul class="bs-list">
                {detail.comic.map((c) => (
                  <li key={c.id}>
                    <Badge tone={c.fidelity}>{fidelityText(c.fidelity)}</Badge> {c.note}
                  </li>
                ))}
              </ul>
            </>
          )}
          {detail.cast.length > 0 && <EpisodeCast cast={detail.cast} />}
          <SourceLinks sources={detail.sources} />
        </>
      );
    case 'volume':
      return (
        <>
          {title(detail.title)}
          <p class="bs-detail__meta">{t('popup.published', { date: formatDate(detail.published) })}</p>
          {detail.arc ? <p>{detail.arc}</p> : <p class="bs-muted">{t('popup.arcHidden')}</p>}
          <h3>{t('popup.adaptedIn')}</h3>
          <ul class="bs-list bs-list--compact">
            {detail.episodes.map((e) => (
              <li key={e.id}>
                {e.code ?? t('popup.film')} {e.title} <span class="bs-muted">({viaText(e.via)})</span>
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
          <p class="bs-detail__meta">
            {bookKind(detail.bookKind)}, {detail.year} ·{' '}
            {detail.link === 'source' ? t('popup.bookLink.source') : t('popup.bookLink.thematic')}
          </p>
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
                {t('popup.season', { number: s.number, year: s.releaseDate.slice(0, 4) })}
                {s.parts > 1 && ` · ${t('popup.seasonParts', s.parts)}`}
                {s.volumes.length > 0 && ` · ${t('popup.seasonVolumes', s.volumes.length, { list: formatList(s.volumes) })}`}
              </li>
            ))}
          </ul>
          <SourceLinks sources={detail.sources} />
        </>
      );
  }
}

type CastLine = Extract<EntityDetail, { kind: 'episode' }>['cast'][number];

/** The episode's cast as the panel shows it: who is in this episode, then the rest of the season, folded. */
function EpisodeCast({ cast }: { cast: CastLine[] }) {
  const here = cast.filter((c) => c.inEpisode);
  const rest = cast.filter((c) => !c.inEpisode);
  const list = (lines: CastLine[]) => (
    <ul class="bs-list bs-list--compact">
      {lines.map((c) => (
        <li key={c.name}>
          {c.name} <span class="bs-muted">— {c.actors.join(', ') || t('common.actorUnconfirmed')}</span>
        </li>
      ))}
    </ul>
  );
  if (!here.length)
    return (
      <>
        <h3>{t('panel.cast.heading')}</h3>
        {list(cast)}
      </>
    );
  return (
    <>
      <h3>{t('panel.cast.inEpisode')}</h3>
      {list(here)}
      {rest.length > 0 && (
        <details class="bs-also">
          <summary>{t('panel.cast.also', rest.length)}</summary>
          {list(rest)}
        </details>
      )}
    </>
  );
}
