import type { GuardMode } from '../../lib/pack/horizon';
import type { PanelActions } from './types';

/** The two axes of the spoiler guard, settable from the panel: what was watched and what was read. */
export function SpoilerControls({
  showId,
  label,
  guard,
  readVolume,
  volumes,
  actions,
  onWhere,
}: {
  showId: string;
  label: string;
  guard: GuardMode;
  readVolume: number;
  volumes: number;
  actions: PanelActions;
  /** Opens "Where are you?" again. */
  onWhere: () => void;
}) {
  return (
    <details class="bs-spoilers">
      <summary>
        Spoiler guard: <span class="bs-spoilers__label">{label}</span>
      </summary>
      <button type="button" class="bs-link-button" onClick={onWhere}>
        Where are you? Set how far you have watched
      </button>
      <div class="bs-spoilers__row">
        <label for="bs-guard">Show notes up to</label>
        <select id="bs-guard" value={guard} onChange={(e) => void actions.setGuard(e.currentTarget.value as GuardMode)}>
          <option value="furthest">furthest watched</option>
          <option value="current">this episode</option>
          <option value="off">everything (off)</option>
        </select>
      </div>
      <div class="bs-spoilers__row">
        <label for="bs-read">Comics read</label>
        <select
          id="bs-read"
          value={String(readVolume)}
          onChange={(e) => void actions.setReadVolume(showId, Number(e.currentTarget.value))}
        >
          <option value="0">none yet</option>
          {Array.from({ length: volumes }, (_, i) => (
            <option key={i + 1} value={String(i + 1)}>
              up to Volume {i + 1}
            </option>
          ))}
        </select>
      </div>
    </details>
  );
}
