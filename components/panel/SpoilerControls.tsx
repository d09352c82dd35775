import type { GuardMode } from '../../lib/pack/horizon';
import { t } from '../i18n';
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
        <select
          id="bs-read"
          value={String(readVolume)}
          onChange={(e) => void actions.setReadVolume(showId, Number(e.currentTarget.value))}
        >
          <option value="0">{t('panel.spoilers.none')}</option>
          {Array.from({ length: volumes }, (_, i) => (
            <option key={i + 1} value={String(i + 1)}>
              {t('panel.spoilers.upToVolume', { n: i + 1 })}
            </option>
          ))}
        </select>
      </div>
    </details>
  );
}
