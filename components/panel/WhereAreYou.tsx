import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { VolumeSelect } from '../shared/VolumeSelect';
import type { EpisodeChoice, PanelActions } from './types';

/**
 * "Where are you?": how far the viewer has watched and read, in one small step. Asked once per show when nothing
 * is known yet (a viewer who installs Backstory mid-series), and any time from the spoiler settings. The answer
 * sets the spoiler horizon: watched up to an episode exactly (forwards or back), and read up to a volume.
 */
export function WhereAreYou({
  showId,
  showTitle,
  watchedUpTo,
  readVolume,
  volumes,
  actions,
  onDone,
}: {
  showId: string;
  showTitle: string;
  watchedUpTo: string | null;
  readVolume: number;
  volumes: number;
  actions: PanelActions;
  onDone: () => void;
}) {
  const [episodes, setEpisodes] = useState<EpisodeChoice[] | null>(null);
  const [watched, setWatched] = useState(watchedUpTo ?? '');
  const [read, setRead] = useState(String(readVolume));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    actions
      .listEpisodes(showId)
      .then(setEpisodes)
      .catch(() => setError(t('common.episodeListFailed')));
  }, [showId, actions]);

  const save = async (event: Event) => {
    event.preventDefault();
    try {
      await actions.place(showId, watched || null);
      if (Number(read) !== readVolume) await actions.setReadVolume(showId, Number(read));
      onDone();
    } catch {
      setError(t('panel.where.saveFailed'));
    }
  };
  const later = async () => {
    // "Not now" is an answer too: nothing changes, and the question is not asked again by itself.
    await actions.place(showId, watchedUpTo).catch(() => undefined);
    onDone();
  };

  return (
    <form class="bs-where" onSubmit={save} aria-labelledby="bs-where-heading">
      <h3 id="bs-where-heading">{t('panel.where.heading', { show: showTitle })}</h3>
      <p class="bs-muted">{t('panel.where.hint')}</p>
      <div class="bs-where__row">
        <label for="bs-where-watched">{t('common.watchedUpTo')}</label>
        <select id="bs-where-watched" value={watched} disabled={!episodes} onChange={(e) => setWatched(e.currentTarget.value)}>
          <option value="">{t('common.nothingYet')}</option>
          {(episodes ?? []).map((e) => (
            <option key={e.id} value={e.id}>
              {e.code} {e.title}
            </option>
          ))}
        </select>
      </div>
      {volumes > 0 && (
        <div class="bs-where__row">
          <label for="bs-where-read">{t('common.comicsRead')}</label>
          <VolumeSelect id="bs-where-read" value={Number(read)} volumes={volumes} onChange={(v) => setRead(String(v))} />
        </div>
      )}
      <div class="bs-picker__buttons">
        <button type="submit" class="bs-button" disabled={!episodes}>
          {t('common.save')}
        </button>
        <button type="button" class="bs-button bs-button--quiet" onClick={() => void later()}>
          {t('common.notNow')}
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
