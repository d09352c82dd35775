import { useEffect, useState } from 'preact/hooks';
import type { GuardMode } from '../../lib/pack/horizon';
import type { PanelMode, PanelSize, Settings } from '../../lib/settings/settings';
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
      setFailed(
        `That change could not be saved (${error instanceof Error ? error.message : String(error)}). Try again in a minute.`,
      );
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
        <h2 id="where-heading">Where you are</h2>
        <p class="hint">Backstory shows nothing past these points unless you ask. Watching an episode to the end moves you on.</p>
        {shows.map((show) => (
          <fieldset key={show.id}>
            <legend>{show.title}</legend>
            <div class="field">
              <label for={`watched-${show.id}`}>{show.title}: watched up to</label>
              <select
                id={`watched-${show.id}`}
                value={watched[show.id] ?? ''}
                onChange={async (e) => {
                  const episodeId = e.currentTarget.value;
                  await data.place(show.id, episodeId || null);
                  setWatched((w) => ({ ...w, [show.id]: episodeId }));
                }}
              >
                <option value="">Nothing yet</option>
                {(episodes[show.id] ?? []).map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.code} {e.title}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for={`read-${show.id}`}>{show.title}: comics read</label>
              <select
                id={`read-${show.id}`}
                value={String(read[show.id] ?? 0)}
                onChange={async (e) => {
                  const volume = Number(e.currentTarget.value);
                  await data.setReadVolume(show.id, volume);
                  setRead((r) => ({ ...r, [show.id]: volume }));
                }}
              >
                <option value="0">None yet</option>
                {Array.from({ length: show.volumes }, (_, i) => (
                  <option key={i + 1} value={String(i + 1)}>
                    Up to Volume {i + 1}
                  </option>
                ))}
              </select>
              <p class="hint">Notes that come from the comics unlock once you have read that far.</p>
            </div>
          </fieldset>
        ))}
      </section>

      <section aria-labelledby="spoilers-heading">
        <h2 id="spoilers-heading">Spoilers</h2>
        <RadioGroup<GuardMode>
          legend="Show notes up to"
          name="guard"
          value={settings.guard}
          choices={[
            ['furthest', 'The furthest episode I have watched (or the one playing, if later)'],
            ['current', 'Only the episode that is playing'],
            ['off', 'Everything: the spoiler guard is off'],
          ]}
          onChange={(guard) => void save({ guard })}
        />
      </section>

      <section aria-labelledby="panel-heading">
        <h2 id="panel-heading">Panel</h2>
        <RadioGroup<PanelMode>
          legend="Beside the video"
          name="mode"
          value={settings.panelMode}
          choices={[
            ['overlay', 'Over the picture while Netflix shows its controls or the video is paused'],
            ['side', 'Next to the picture: the video gets narrower, nothing is covered'],
            ['pinned', 'Over the picture all the time'],
          ]}
          onChange={(panelMode) => void save({ panelMode })}
        />
        <RadioGroup<PanelSize>
          legend="Size"
          name="size"
          value={settings.panelSize}
          choices={[
            ['compact', 'Compact'],
            ['standard', 'Standard'],
            ['large', 'Large'],
          ]}
          onChange={(panelSize) => void save({ panelSize })}
        />
        <RadioGroup<Settings['textSize']>
          legend="Text"
          name="text"
          value={settings.textSize}
          choices={[
            ['standard', 'Standard text'],
            ['large', 'Large text, for reading from a sofa'],
          ]}
          onChange={(textSize) => void save({ textSize })}
        />
        <RadioGroup<Settings['panelSide']>
          legend="Side of the video"
          name="side"
          value={settings.panelSide}
          choices={[
            ['right', 'Right'],
            ['left', 'Left'],
          ]}
          onChange={(panelSide) => void save({ panelSide })}
        />
        <label class="choice">
          <input type="checkbox" checked={settings.autoOpen} onChange={(e) => void save({ autoOpen: e.currentTarget.checked })} />
          Open the panel by itself on episodes Backstory knows (it stays closed on a show where you closed it)
        </label>
        <label class="choice">
          <input
            type="checkbox"
            checked={settings.showComic}
            onChange={(e) => void save({ showComic: e.currentTarget.checked })}
          />
          Show where the episode comes from in the comics
        </label>
      </section>

      <section aria-labelledby="shortcut-heading">
        <h2 id="shortcut-heading">Keyboard shortcut</h2>
        <p>
          Show or hide the panel: <kbd>{shortcut === null ? '…' : shortcut || 'not set'}</kbd>
        </p>
        <button type="button" onClick={() => void data.openShortcutSettings()}>
          Change it in the browser's shortcut settings
        </button>
      </section>
    </>
  );
}
