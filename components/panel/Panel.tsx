import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/settings';
import { around, MARK, t } from '../i18n';
import { HiddenItems } from '../shared/HiddenItems';
import { RevealedView } from '../shared/RevealedView';
import { SourceLinks } from '../shared/SourceLinks';
import { CastList } from './CastList';
import { ComicContext } from './ComicContext';
import { Diagnostics } from './Diagnostics';
import { EpisodePicker } from './EpisodePicker';
import { LookupView } from './LookupView';
import { SpoilerControls } from './SpoilerControls';
import type { PanelActions, PanelView } from './types';
import { WhereAreYou } from './WhereAreYou';
import { horizonText } from './words';

export interface PanelProps {
  view: PanelView;
  open: boolean;
  settings: Settings;
  /** The browser's current binding for the toggle command, or "" when the viewer removed it. */
  shortcut: string;
  actions: PanelActions;
}

const ERRORS = {
  missing: () => t('panel.errors.missing'),
  unreachable: () => t('panel.errors.unreachable'),
  identify: () => t('panel.errors.identify'),
} as const;

/**
 * The panel beside Netflix's video: a labelled handle when collapsed; open, a one-line episode header that stays
 * put while the rest scrolls, then what matters first: the comic card, the cast as one line each, this episode's
 * notes, and the spoiler settings.
 */
export function Panel({ view, open, settings, shortcut, actions }: PanelProps) {
  const [picking, setPicking] = useState(false);
  // "Not this episode?" is about the video on screen when it was asked: another video (autoplay, or the page
  // changing it) closes the picker, so the answer is never kept under the next video's id (Prime audit 1, F1).
  const videoId = view.status === 'ready' || view.status === 'unknown' ? view.videoId : undefined;
  useEffect(() => setPicking(false), [videoId]);
  // Keyboard users keep their place: closing by the button focuses the handle, opening by the handle the button.
  const [moveFocus, setMoveFocus] = useState(false);
  const toggle = (next: boolean) => {
    setMoveFocus(true);
    actions.setOpen(next);
  };
  if (!open) return <Handle shortcut={shortcut} focus={moveFocus} onOpen={() => toggle(true)} />;
  const compact = view.status !== 'ready';
  const hideLabel = shortcut ? t('panel.hideWithShortcut', { shortcut }) : t('panel.hide');
  return (
    <aside
      class={`bs-panel${compact ? ' bs-panel--compact' : ''}`}
      aria-label={t('panel.label')}
      aria-busy={view.status === 'detecting'}
    >
      <div class="bs-panel__bar">
        {view.status === 'ready' ? (
          <h2 class="bs-title" title={`${view.context.show.title} · ${view.context.episode.code} ${view.context.episode.title}`}>
            <span class="bs-show">{view.context.show.title}</span>{' '}
            <span class="bs-episode">
              <span class="bs-code">{view.context.episode.code}</span> {view.context.episode.title}
            </span>
          </h2>
        ) : (
          <h2 class="bs-title">{t('panel.label')}</h2>
        )}
        <CloseButton label={hideLabel} focus={moveFocus} onClose={() => toggle(false)} />
      </div>
      <div class="bs-panel__body">
        <Body view={view} settings={settings} actions={actions} picking={picking} setPicking={setPicking} />
      </div>
    </aside>
  );
}

/** A ref that takes the keyboard focus once rendered, when asked to. */
function useFocusWhen(focus: boolean) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return ref;
}

function CloseButton({ label, focus, onClose }: { label: string; focus: boolean; onClose: () => void }) {
  const ref = useFocusWhen(focus);
  return (
    <button ref={ref} type="button" class="bs-icon-button" aria-label={label} title={label} onClick={onClose}>
      ×
    </button>
  );
}

/** The collapsed panel: an icon and a name, never a cryptic letter. It fades with Netflix's controls. */
function Handle({ shortcut, focus, onOpen }: { shortcut: string; focus: boolean; onOpen: () => void }) {
  const ref = useFocusWhen(focus);
  return (
    <button
      ref={ref}
      type="button"
      class="bs-handle"
      onClick={onOpen}
      aria-label={shortcut ? t('panel.showWithShortcut', { shortcut }) : t('panel.show')}
      title={shortcut ? t('panel.handleWithShortcut', { shortcut }) : t('panel.label')}
    >
      <svg class="bs-handle__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M4 4.5C4 3.7 4.7 3 5.5 3H11v16H5.5c-.8 0-1.5.7-1.5 1.5V4.5Zm16 0c0-.8-.7-1.5-1.5-1.5H13v16h5.5c.8 0 1.5.7 1.5 1.5V4.5Z"
        />
      </svg>
      <span aria-hidden="true">{t('panel.label')}</span>
    </button>
  );
}

function Body({
  view,
  settings,
  actions,
  picking,
  setPicking,
}: {
  view: PanelView;
  settings: Settings;
  actions: PanelActions;
  picking: boolean;
  setPicking: (v: boolean) => void;
}) {
  switch (view.status) {
    case 'detecting':
      return <p class="bs-muted">{t('panel.detecting')}</p>;
    case 'error':
      return (
        <p role="alert" class="bs-error">
          {ERRORS[view.reason]()}
        </p>
      );
    case 'unknown':
      return (
        <div class="bs-unknown">
          <p>
            {view.reason === 'conflict' ? (
              t('panel.unknown.conflict')
            ) : view.title ? (
              <NoNotes title={view.title} />
            ) : (
              t('panel.unknown.noSignal')
            )}
          </p>
          {view.showId && view.videoId && !picking && (
            <button type="button" class="bs-link-button" onClick={() => setPicking(true)}>
              {t('panel.unknown.choose')}
            </button>
          )}
          {view.showId && picking && <EpisodePicker showId={view.showId} actions={actions} onDone={() => setPicking(false)} />}
          {view.reason === 'unknown-show' && actions.lookups && (
            <LookupView actions={actions.lookups} videoKey={`${view.videoId ?? ''}:${view.title ?? ''}`} />
          )}
          <Diagnostics read={actions.diagnostics} />
        </div>
      );
    case 'ready':
      return <Ready view={view} settings={settings} actions={actions} picking={picking} setPicking={setPicking} />;
  }
}

function Ready({
  view,
  settings,
  actions,
  picking,
  setPicking,
}: {
  view: Extract<PanelView, { status: 'ready' }>;
  settings: Settings;
  actions: PanelActions;
  picking: boolean;
  setPicking: (v: boolean) => void;
}) {
  const { context } = view;
  const [asking, setAsking] = useState<boolean | null>(null);
  const whereOpen = asking ?? !context.reading.placed;
  const about = context.episodeNotes.length + context.hiddenEpisodeNotes.length > 0 || context.episode.setup;
  return (
    <>
      {view.guess && <p class="bs-guess">{t('panel.guess')}</p>}
      {whereOpen && (
        <WhereAreYou
          showId={context.show.id}
          showTitle={context.show.title}
          watchedUpTo={context.reading.watchedUpTo}
          readVolume={context.reading.readVolume}
          volumes={context.reading.volumeCount}
          actions={actions}
          onDone={() => setAsking(false)}
        />
      )}
      {view.askWatched && (
        <p class="bs-ask" role="status">
          {t('panel.ask.question')}{' '}
          <Furthest showId={context.show.id} episodeId={view.askWatched.furthestEpisodeId} actions={actions} />{' '}
          <button type="button" class="bs-link-button" onClick={() => void actions.confirmWatched(true)}>
            {t('panel.ask.countIt')}
          </button>{' '}
          <button type="button" class="bs-link-button" onClick={() => void actions.confirmWatched(false)}>
            {t('common.notNow')}
          </button>
        </p>
      )}
      {settings.showComic && (
        <ComicContext links={context.comic} hidden={context.hiddenComic} next={context.keepReading} reveal={actions.reveal} />
      )}
      <CastList cast={context.cast} hidden={context.hiddenCast} reveal={actions.reveal} />
      {(about || context.episode.synopsis || context.episode.synopsisHidden) && (
        <section class="bs-section" aria-labelledby="bs-episode-notes">
          <h3 id="bs-episode-notes">{t('panel.about.heading')}</h3>
          {context.episode.setup && <p class="bs-setup">{context.episode.setup}</p>}
          {context.episode.synopsis && <p class="bs-synopsis">{context.episode.synopsis}</p>}
          {context.episode.synopsisHidden && (
            <HiddenItems
              items={[context.episode.synopsisHidden]}
              kind="synopsis"
              reveal={actions.reveal}
              render={(item) => <RevealedView item={item} />}
            />
          )}
          {context.episode.synopsisStatus === 'unconfirmed' && <p class="bs-muted">{t('panel.about.unconfirmed')}</p>}
          {context.episodeNotes.length > 0 && (
            <ul class="bs-notes">
              {context.episodeNotes.map((n) => (
                <li key={n.id}>{n.text}</li>
              ))}
            </ul>
          )}
          <HiddenItems
            items={context.hiddenEpisodeNotes}
            kind="note"
            reveal={actions.reveal}
            render={(item) => <RevealedView item={item} />}
          />
          <SourceLinks sources={[...context.episode.sources, ...context.episodeNotes.flatMap((n) => n.sources)]} />
        </section>
      )}
      <SpoilerControls
        showId={context.show.id}
        label={horizonText(context.horizon)}
        guard={settings.guard}
        readVolume={context.reading.readVolume}
        volumes={context.reading.volumeCount}
        actions={actions}
        onWhere={() => setAsking(true)}
      />
      <div class="bs-footer">
        {!picking && view.videoId && (
          <button type="button" class="bs-link-button" onClick={() => setPicking(true)}>
            {t('panel.notThisEpisode')}
          </button>
        )}
        {picking && (
          <EpisodePicker
            showId={context.show.id}
            currentId={context.episode.id}
            actions={actions}
            onDone={() => setPicking(false)}
          />
        )}
        {picking && <Diagnostics read={actions.diagnostics} />}
      </div>
    </>
  );
}

/** "Backstory has you at S1 · E2 Crush.": the furthest episode watched, named from the episode list. */
function Furthest({ showId, episodeId, actions }: { showId: string; episodeId?: string; actions: PanelActions }) {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    if (!episodeId) return;
    actions
      .listEpisodes(showId)
      .then((list) => {
        const found = list.find((e) => e.id === episodeId);
        setName(found ? `${found.code} ${found.title}` : null);
      })
      .catch(() => setName(null));
  }, [showId, episodeId, actions]);
  if (!episodeId) return <>{t('panel.ask.nothingYet')}</>;
  return <>{name ? t('panel.ask.at', { episode: name }) : t('panel.ask.furtherBack')}</>;
}

/** "Backstory has no notes for “Title” yet.", the title set apart. */
function NoNotes({ title }: { title: string }) {
  const [before, after] = around(t('panel.unknown.noNotes', { title: MARK }));
  return (
    <>
      {before}
      <span class="bs-detected-title">{title}</span>
      {after}
    </>
  );
}
