import type { GuardMode } from '../../lib/pack/horizon';
import { t } from '../i18n';
import { VolumeSelect } from '../shared/VolumeSelect';
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
        {t('panel.spoilers.summary')} <span class="bs-spoilers__label">{label}</span>
      </summary>
      <button type="button" class="bs-link-button" onClick={onWhere}>
        {t('panel.spoilers.where')}
      </button>
      <div class="bs-spoilers__row">
        <label for="bs-guard">{t('panel.spoilers.showUpTo')}</label>
        <select id="bs-guard" value={guard} onChange={(e) => void actions.setGuard(e.currentTarget.value as GuardMode)}>
          <option value="furthest">{t('panel.spoilers.furthest')}</option>
          <option value="current">{t('panel.spoilers.current')}</option>
          <option value="off">{t('panel.spoilers.off')}</option>
        </select>
      </div>
      <div class="bs-spoilers__row">
        <label for="bs-read">{t('common.comicsRead')}</label>
        <VolumeSelect
          id="bs-read"
          value={readVolume}
          volumes={volumes}
          onChange={(volume) => void actions.setReadVolume(showId, volume)}
        />
      </div>
    </details>
  );
}
