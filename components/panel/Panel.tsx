import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/settings';
import { HiddenItems } from '../shared/HiddenItems';
import { RevealedView } from '../shared/RevealedView';
import { SourceLinks } from '../shared/SourceLinks';
import { CastList } from './CastList';
import { ComicContext, KeepReadingSection } from './ComicContext';
import { Diagnostics } from './Diagnostics';
import { EpisodePicker } from './EpisodePicker';
import { SpoilerControls } from './SpoilerControls';
import type { PanelActions, PanelView } from './types';

export interface PanelProps {
  view: PanelView;
  open: boolean;
  settings: Settings;
  /** The browser's current binding for the toggle command, or "" when the viewer removed it. */
  shortcut: string;
  actions: PanelActions;
}

/** The side panel beside Netflix's video: a handle when collapsed, the episode's backstory when open. */
export function Panel({ view, open, settings, shortcut, actions }: PanelProps) {
  const [picking, setPicking] = useState(false);
  if (!open) return <Handle shortcut={shortcut} onOpen={() => actions.setOpen(true)} />;
  const compact = view.status !== 'ready';
  return (
    <aside
      class={`bs-panel${compact ? ' bs-panel--compact' : ''}`}
      aria-label="Backstory"
      aria-busy={view.status === 'detecting'}
    >
      <div class="bs-panel__bar">
        <span class="bs-brand" aria-hidden="true">
          Backstory
        </span>
        <span class="bs-shortcut">{shortcut ? `${shortcut} to hide` : ''}</span>
        <button type="button" class="bs-icon-button" aria-label="Hide the Backstory panel" onClick={() => actions.setOpen(false)}>
          ×
        </button>
      </div>
      <div class="bs-panel__body">
        <Body view={view} settings={settings} actions={actions} picking={picking} setPicking={setPicking} />
      </div>
    </aside>
  );
}

function Handle({ shortcut, onOpen }: { shortcut: string; onOpen: () => void }) {
  return (
    <button
      type="button"
      class="bs-handle"
      onClick={onOpen}
      aria-label={`Show the Backstory panel${shortcut ? ` (${shortcut})` : ''}`}
      title="Backstory"
    >
      <span aria-hidden="true">B</span>
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
      return <p class="bs-muted">Looking for the episode…</p>;
    case 'error':
      return (
        <p role="alert" class="bs-error">
          {view.message}
        </p>
      );
    case 'unknown':
      return (
        <div class="bs-unknown">
          <p>
            {view.reason === 'conflict' ? (
              'Backstory is not sure which episode this is: what the page says and what Netflix says disagree.'
            ) : view.title ? (
              <>
                Backstory has no notes for “<span class="bs-detected-title">{view.title}</span>” yet.
              </>
            ) : (
              'Backstory could not tell what is playing.'
            )}
          </p>
          {view.showId && view.videoId && !picking && (
            <button type="button" class="bs-link-button" onClick={() => setPicking(true)}>
              Choose the episode
            </button>
          )}
          {view.showId && picking && <EpisodePicker showId={view.showId} actions={actions} onDone={() => setPicking(false)} />}
          <Diagnostics read={actions.diagnostics} />
        </div>
      );
    case 'ready': {
      const { context } = view;
      return (
        <>
          <header class="bs-header">
            <h2 class="bs-show">{context.show.title}</h2>
            <p class="bs-episode">
              <span class="bs-code">{context.episode.code}</span> {context.episode.title}
            </p>
            {context.episode.setup && <p class="bs-setup">{context.episode.setup}</p>}
            {context.episode.synopsis && <p class="bs-synopsis">{context.episode.synopsis}</p>}
            {context.episode.synopsisHidden && (
              <HiddenItems
                items={[context.episode.synopsisHidden]}
                noun={['summary of what happens', 'summaries']}
                reveal={actions.reveal}
                render={(item) => <RevealedView item={item} />}
              />
            )}
            {context.episode.synopsisStatus === 'unconfirmed' && <p class="bs-muted">No source summarises this episode yet.</p>}
            {view.askWatched && (
              <p class="bs-ask" role="status">
                Count this episode as watched?{' '}
                {view.askWatched.furthest
                  ? `Backstory has you at ${view.askWatched.furthest}.`
                  : 'Backstory has no episode of yours yet.'}{' '}
                <button type="button" class="bs-link-button" onClick={() => void actions.confirmWatched(true)}>
                  Count it
                </button>{' '}
                <button type="button" class="bs-link-button" onClick={() => void actions.confirmWatched(false)}>
                  Not now
                </button>
              </p>
            )}
            {!picking && view.videoId && (
              <button type="button" class="bs-link-button" onClick={() => setPicking(true)}>
                Not this episode?
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
          </header>
          <SpoilerControls
            showId={context.show.id}
            label={context.horizon.label}
            guard={settings.guard}
            readVolume={context.reading.readVolume}
            volumes={context.reading.volumeCount}
            actions={actions}
          />
          <CastList cast={context.cast} hidden={context.hiddenCast} reveal={actions.reveal} />
          {settings.showComic && (
            <>
              <ComicContext links={context.comic} hidden={context.hiddenComic} reveal={actions.reveal} />
              <KeepReadingSection next={context.keepReading} />
            </>
          )}
          {context.episodeNotes.length + context.hiddenEpisodeNotes.length > 0 && (
            <section class="bs-section" aria-labelledby="bs-episode-notes">
              <h3 id="bs-episode-notes">About this episode</h3>
              <ul class="bs-notes">
                {context.episodeNotes.map((n) => (
                  <li key={n.id}>
                    {n.text} <SourceLinks sources={n.sources} />
                  </li>
                ))}
              </ul>
              <HiddenItems
                items={context.hiddenEpisodeNotes}
                noun={['note', 'notes']}
                reveal={actions.reveal}
                render={(item) => <RevealedView item={item} />}
              />
            </section>
          )}
        </>
      );
    }
  }
}
