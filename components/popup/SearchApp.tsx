import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createSearchIndex, MAX_QUERY, type SearchIndex } from '../../lib/search/search-index';
import type { SearchPayload } from '../../lib/search/warm-index';
import type { EntityDetail } from '../../lib/views/catalog';
import { formatList, t } from '../i18n';
import { DetailView } from './DetailView';
import { optionId, ResultList } from './ResultList';
import type { NowWatchingInfo, PopupData, Selection } from './types';
import { hiddenMatchesText } from './words';

type Status = 'loading' | 'ready' | 'error';

/** Loads the background's prebuilt index; indexes the documents here if that index cannot be read. */
function loadIndex({ docs, index }: SearchPayload): SearchIndex {
  try {
    return createSearchIndex(docs, index);
  } catch (error) {
    // Search still works; the error is logged so that a broken index cannot go unnoticed (the e2e run fails on it).
    console.error('Backstory: the prebuilt search index could not be read, indexing here instead.', error);
    return createSearchIndex(docs);
  }
}

/** The toolbar popup: search everything, open a result, come back with Esc. */
export function SearchApp({ data }: { data: PopupData }) {
  const [status, setStatus] = useState<Status>('loading');
  const [payload, setPayload] = useState<SearchPayload | null>(null);
  const [now, setNow] = useState<NowWatchingInfo | null>(null);
  // The sites the viewer could turn on (optional hosts not granted): offered while nothing plays.
  const [sitesOff, setSitesOff] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const [chosenId, setActiveId] = useState<string | undefined>();
  const [detail, setDetail] = useState<EntityDetail | null>(null);
  const [detailError, setDetailError] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    Promise.all([data.searchIndex(), data.nowWatching().catch(() => null)])
      .then(([p, n]) => {
        setPayload(p);
        setNow(n);
        setStatus('ready');
      })
      .catch(() => setStatus('error'));
    data.sitesOff?.().then(setSitesOff, () => setSitesOff([]));
  }, [data]);

  // The background built the index; the popup only loads it, and kept while it is open.
  const index = useMemo(() => (payload ? loadIndex(payload) : createSearchIndex([])), [payload]);
  const docs = payload?.docs ?? [];
  const result = useMemo(() => index.search(query), [index, query]);
  const [showHidden, setShowHidden] = useState(false);
  useEffect(() => setShowHidden(false), [query]);
  const groups = useMemo(
    () =>
      showHidden && result.hidden.length
        ? [...result.groups, { kind: 'held-back' as const, hits: result.hidden }]
        : result.groups,
    [result, showHidden],
  );
  const flat = useMemo(() => groups.flatMap((g) => g.hits), [groups]);
  const suggestions = useMemo(() => (query.trim() && flat.length === 0 ? index.suggest(query) : []), [index, query, flat]);

  // The highlighted result: the one the viewer moved to while it is still listed, else the first. Derived, not set
  // by an effect after the list renders: Enter pressed as the results appear opens the first (seen under load).
  const activeId = flat.some((h) => h.id === chosenId) ? chosenId : flat[0]?.id;
  // The popup opens with the search box focused.
  useEffect(() => input.current?.focus(), []);

  const open = async (selection: Selection) => {
    setDetailError(false);
    const d = await data.detail(selection.kind, selection.showId, selection.id, selection.reveal).catch(() => null);
    if (d) setDetail(d);
    else setDetailError(true);
  };
  const openDoc = (id: string) => {
    const doc = flat.find((h) => h.id === id);
    // Looked up for a title without a pack: Backstory has no page of its own for it, its source has.
    if (doc?.url && data.openLink) return void data.openLink(doc.url);
    if (doc) void open({ kind: doc.kind, showId: doc.showId, id: doc.entityId, ...(doc.hidden ? { reveal: true } : {}) });
  };
  const back = () => {
    setDetail(null);
    requestAnimationFrame(() => input.current?.focus());
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const at = flat.findIndex((h) => h.id === activeId);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (flat.length === 0) return;
      const next = event.key === 'ArrowDown' ? (at + 1) % flat.length : (at - 1 + flat.length) % flat.length;
      setActiveId(flat[next]?.id);
      document.getElementById(optionId(flat[next]?.id ?? ''))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter' && activeId) {
      event.preventDefault();
      openDoc(activeId);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };

  if (detail)
    return (
      <main
        class="bs-popup"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            back();
          }
        }}
      >
        <DetailView detail={detail} onBack={back} />
      </main>
    );

  return (
    <main class="bs-popup">
      <h1 class="bs-title">{t('extName')}</h1>
      <label for="bs-search" class="bs-visually-hidden">
        {t('popup.searchLabel')}
      </label>
      <input
        id="bs-search"
        ref={input}
        type="text"
        maxLength={MAX_QUERY}
        role="combobox"
        enterKeyHint="search"
        aria-expanded={flat.length > 0}
        aria-controls="bs-results"
        aria-autocomplete="list"
        aria-activedescendant={activeId ? optionId(activeId) : undefined}
        placeholder={t('popup.placeholder')}
        value={query}
        autoComplete="off"
        spellcheck={false}
        onInput={(e) => {
          // A new query starts again at its first result.
          setActiveId(undefined);
          setQuery(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
      />
      {status === 'error' && (
        <p role="alert" class="bs-error">
          {t('popup.unavailable')}
        </p>
      )}
      {status === 'loading' && <p class="bs-muted">{t('popup.loading')}</p>}
      {detailError && (
        <p role="alert" class="bs-error">
          {t('popup.detailFailed')}
        </p>
      )}
      {status === 'ready' && !query.trim() && (
        <section aria-label={t('popup.startHere')}>
          {now && (
            <button
              type="button"
              class="bs-now"
              onClick={() => void open({ kind: 'episode', showId: now.showId, id: now.episodeId })}
            >
              <span class="bs-now__label">{t('popup.nowWatching')}</span>
              <span class="bs-now__title">
                {now.showTitle} · {now.code} {now.title}
              </span>
            </button>
          )}
          {now?.readNext && (
            <button
              type="button"
              class="bs-now"
              onClick={() => void open({ kind: 'volume', showId: now.showId, id: String(now.readNext?.volume) })}
            >
              <span class="bs-now__label">{t('popup.continueReading')}</span>
              <span class="bs-now__title">{now.readNext.title}</span>
            </button>
          )}
          <p class="bs-muted">
            {now ? t('popup.hintWatching') : t('popup.hintIdle')} {t('popup.entries', docs.filter((d) => !d.hidden).length)}
          </p>
          {!now && sitesOff.length > 0 && data.openSites && (
            <p class="bs-muted">
              {t('popup.siteOffer', { sites: formatList(sitesOff) })}{' '}
              <button type="button" class="bs-link-button" onClick={() => void data.openSites?.()}>
                {t('popup.siteOfferButton')}
              </button>
            </p>
          )}
        </section>
      )}
      {status === 'ready' && result.hidden.length > 0 && !showHidden && (
        <p class="bs-hidden-matches" role="status">
          {hiddenMatchesText(result.hidden)}{' '}
          <button type="button" class="bs-link-button" onClick={() => setShowHidden(true)}>
            {t('popup.show')}
          </button>
        </p>
      )}
      {status === 'ready' && query.trim() && flat.length === 0 && result.hidden.length === 0 && (
        <p class="bs-muted" role="status">
          {t('popup.noResults', { query })}
          {suggestions.length > 0 && (
            <>
              {' '}
              {t('popup.try')}{' '}
              {suggestions.map((s, i) => (
                <span key={s}>
                  {i > 0 && ', '}
                  <button type="button" class="bs-link-button" onClick={() => setQuery(s)}>
                    {s}
                  </button>
                </span>
              ))}
              .
            </>
          )}
        </p>
      )}
      {flat.length > 0 && (
        <ResultList
          groups={groups}
          activeId={activeId}
          onOpen={openDoc}
          onHover={setActiveId}
          showTitles={new Set(docs.map((d) => d.showId)).size > 1}
        />
      )}
      <p class="bs-status bs-visually-hidden" role="status" aria-live="polite">
        {query.trim() ? t('popup.results', flat.length) : ''}
      </p>
    </main>
  );
}
