import { useEffect, useState } from 'preact/hooks';
import type { GuardMode } from '../../lib/pack/horizon';
import type { PanelMode, PanelSize, Settings } from '../../lib/settings/settings';
import { t } from '../i18n';
import { VolumeSelect } from '../shared/VolumeSelect';
import { RadioGroup } from './RadioGroup';
import type { EpisodeOption, OptionsData, ShowInfo } from './types';

/**
 * Where the viewer is in each show, the spoiler guard, how the panel sits beside the video, and the keyboard
 * shortcut, in the viewer's words. Every change saves at once.
 */
export function SettingsSection({
  data,
  settings,
  onChange,
}: {
  data: OptionsData;
  settings: Settings;
  onChange: (s: Settings) => void;
}) {
  const [shows, setShows] = useState<ShowInfo[]>([]);
  const [read, setRead] = useState<Record<string, number>>({});
  const [watched, setWatched] = useState<Record<string, string>>({});
  const [episodes, setEpisodes] = useState<Record<string, EpisodeOption[]>>({});
  const [shortcut, setShortcut] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    // Shows appear together with their reading progress, so a select never shows "None yet" before the truth.
    void data.listShows().then(async (list) => {
      const entries = await Promise.all(
        list.map(async (s) => [s.id, await data.progress(s.id), await data.listEpisodes(s.id)] as const),
      );
      setRead(Object.fromEntries(entries.map(([id, p]) => [id, p.readVolume])));
      setWatched(Object.fromEntries(entries.map(([id, p]) => [id, p.watchedUpTo ?? ''])));
      setEpisodes(Object.fromEntries(entries.map(([id, , list]) => [id, list])));
      setShows(list);
    });
    void data.shortcut().then(setShortcut);
  }, [data]);

  // A write the browser refuses (sync's write quota, for one) is said here, and the control keeps the saved value.
  const save = async (patch: Partial<Settings>) => {
    try {
      onChange(await data.saveSettings(patch));
      setFailed(null);
    } catch (error) {
      setFailed(t('options.saveFailed', { reason: error instanceof Error ? error.message : String(error) }));
      onChange({ ...settings });
    }
  };

  return (
    <>
      {failed && (
        <p class="error" role="alert">
          {failed}
        </p>
      )}
      <section aria-labelledby="where-heading">
        <h2 id="where-heading">{t('options.where.heading')}</h2>
        <p class="hint">{t('options.where.hint')}</p>
        {shows.map((show) => (
          <fieldset key={show.id}>
            <legend>{show.title}</legend>
            <div class="field">
              <label for={`watched-${show.id}`}>{t('options.where.watched', { show: show.title })}</label>
              <select
                id={`watched-${show.id}`}
                value={watched[show.id] ?? ''}
                onChange={async (e) => {
                  const episodeId = e.currentTarget.value;
                  await data.place(show.id, episodeId || null);
                  setWatched((w) => ({ ...w, [show.id]: episodeId }));
                }}
              >
                <option value="">{t('common.nothingYet')}</option>
                {(episodes[show.id] ?? []).map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.code} {e.title}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for={`read-${show.id}`}>{t('options.where.read', { show: show.title })}</label>
              <VolumeSelect
                id={`read-${show.id}`}
                value={read[show.id] ?? 0}
                volumes={show.volumes}
                onChange={async (volume) => {
                  await data.setReadVolume(show.id, volume);
                  setRead((r) => ({ ...r, [show.id]: volume }));
                }}
              />
              <p class="hint">{t('options.where.readHint')}</p>
            </div>
          </fieldset>
        ))}
      </section>

      <section aria-labelledby="spoilers-heading">
        <h2 id="spoilers-heading">{t('options.spoilers.heading')}</h2>
        <RadioGroup<GuardMode>
          legend={t('options.spoilers.legend')}
          name="guard"
          value={settings.guard}
          choices={[
            ['furthest', t('options.spoilers.furthest')],
            ['current', t('options.spoilers.current')],
            ['off', t('options.spoilers.off')],
          ]}
          onChange={(guard) => void save({ guard })}
        />
      </section>

      <section aria-labelledby="panel-heading">
        <h2 id="panel-heading">{t('options.panel.heading')}</h2>
        <RadioGroup<PanelMode>
          legend={t('options.panel.mode')}
          name="mode"
          value={settings.panelMode}
          choices={[
            ['overlay', t('options.panel.overlay')],
            ['side', t('options.panel.side')],
            ['pinned', t('options.panel.pinned')],
          ]}
          onChange={(panelMode) => void save({ panelMode })}
        />
        <RadioGroup<PanelSize>
          legend={t('options.panel.size')}
          name="size"
          value={settings.panelSize}
          choices={[
            ['compact', t('options.panel.compact')],
            ['standard', t('options.panel.standard')],
            ['large', t('options.panel.large')],
          ]}
          onChange={(panelSize) => void save({ panelSize })}
        />
        <RadioGroup<Settings['textSize']>
          legend={t('options.panel.text')}
          name="text"
          value={settings.textSize}
          choices={[
            ['standard', t('options.panel.textStandard')],
            ['large', t('options.panel.textLarge')],
          ]}
          onChange={(textSize) => void save({ textSize })}
        />
        <RadioGroup<Settings['panelSide']>
          legend={t('options.panel.panelSide')}
          name="side"
          value={settings.panelSide}
          choices={[
            ['right', t('options.panel.right')],
            ['left', t('options.panel.left')],
          ]}
          onChange={(panelSide) => void save({ panelSide })}
        />
        <label class="choice">
          <input type="checkbox" checked={settings.autoOpen} onChange={(e) => void save({ autoOpen: e.currentTarget.checked })} />
          {t('options.panel.autoOpen')}
        </label>
        <label class="choice">
          <input
            type="checkbox"
            checked={settings.showComic}
            onChange={(e) => void save({ showComic: e.currentTarget.checked })}
          />
          {t('options.panel.showComic')}
        </label>
      </section>

      <section aria-labelledby="shortcut-heading">
        <h2 id="shortcut-heading">{t('options.shortcut.heading')}</h2>
        <p>
          {t('options.shortcut.label')} <kbd>{shortcut === null ? '…' : shortcut || t('options.shortcut.notSet')}</kbd>
        </p>
        <button type="button" onClick={() => void data.openShortcutSettings()}>
          {t('options.shortcut.change')}
        </button>
      </section>
    </>
  );
}
