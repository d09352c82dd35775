import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { EpisodeChoice, PanelActions } from './types';

/** "Not this episode?": the viewer picks the right one; the choice is remembered for this video. */
export function EpisodePicker({
  showId,
  currentId,
  actions,
  onDone,
}: {
  showId: string;
  currentId?: string;
  actions: PanelActions;
  onDone: () => void;
}) {
  const [episodes, setEpisodes] = useState<EpisodeChoice[] | null>(null);
  const [choice, setChoice] = useState(currentId ?? '');
  const [error, setError] = useState<string | null>(null);
  const selectRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    actions
      .listEpisodes(showId)
      .then((list) => {
        setEpisodes(list);
        setChoice((c) => c || list[0]?.id || '');
      })
      .catch(() => setError(t('common.episodeListFailed')));
  }, [showId, actions]);
  useEffect(() => selectRef.current?.focus(), [episodes]);

  const save = async (event: Event) => {
    event.preventDefault();
    try {
      await actions.correct(showId, choice);
      onDone();
    } catch {
      setError(t('panel.picker.saveFailed'));
    }
  };

  return (
    <form class="bs-picker" onSubmit={save} aria-label={t('panel.picker.label')}>
      <label for="bs-episode-choice">{t('panel.picker.question')}</label>
      <select
        id="bs-episode-choice"
        ref={selectRef}
        value={choice}
        disabled={!episodes}
        onChange={(e) => setChoice(e.currentTarget.value)}
      >
        {(episodes ?? []).map((e) => (
          <option key={e.id} value={e.id}>
            {e.code} {e.title}
          </option>
        ))}
      </select>
      <div class="bs-picker__buttons">
        <button type="submit" class="bs-button" disabled={!choice}>
          {t('panel.picker.use')}
        </button>
        <button type="button" class="bs-button bs-button--quiet" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
      {error && (
        <p role="alert" class="bs-error">
          {error}
        </p>
      )}
    </form>
  );
}
