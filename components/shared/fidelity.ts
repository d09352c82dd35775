import { t } from '../i18n';

/** How faithfully a scene follows the comic, in the viewer's language (panel card and popup alike). */
export const fidelityText = (fidelity: 'adapted' | 'changed' | 'show-only'): string =>
  fidelity === 'adapted' ? t('panel.comic.adapted') : fidelity === 'changed' ? t('panel.comic.changed') : t('common.showOnly');
