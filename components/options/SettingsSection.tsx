import { useEffect, useState } from 'preact/hooks';
import type { GuardMode } from '../../lib/pack/horizon';
import { PANEL_WIDTH, type Settings } from '../../lib/settings/settings';
import { RadioGroup } from './RadioGroup';
import type { OptionsData, ShowInfo } from './types';

/** Spoiler guard, reading progress, panel behaviour and the keyboard shortcut. Every change saves at once. */
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
  const [shortcut, setShortcut] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    // Shows appear together with their reading progress, so a select never shows "None yet" before the truth.
    void data.listShows().then(async (list) => {
      const entries = await Promise.all(list.map(async (s) => [s.id, await data.readVolume(s.id)] as const));
      setRead(Object.fromEntries(entries));
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
        {shows.map((show) => (
          <div key={show.id} class="field">
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
        ))}
      </section>

      <section aria-labelledby="panel-heading">
        <h2 id="panel-heading">Panel</h2>
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
        <div class="field">
          <label for="panel-width">Width: {settings.panelWidth} px</label>
          <input
            id="panel-width"
            type="range"
            min={PANEL_WIDTH.min}
            max={PANEL_WIDTH.max}
            step={PANEL_WIDTH.step}
            value={settings.panelWidth}
            onChange={(e) => void save({ panelWidth: Number(e.currentTarget.value) })}
          />
        </div>
        <label class="choice">
          <input type="checkbox" checked={settings.autoOpen} onChange={(e) => void save({ autoOpen: e.currentTarget.checked })} />
          Open the panel by itself when a known episode starts
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
