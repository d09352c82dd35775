import { SITE_LIST } from '../../lib/sites/registry';
import { formatList, t } from '../i18n';

/** What Backstory stores, where, and the promise that none of it leaves the browser. */
export function PrivacySection() {
  return (
    <section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('options.privacy.heading')}</h2>
      <ul>
        <li>
          <strong>{t('options.privacy.packsTitle')}</strong> {t('options.privacy.packs')}
        </li>
        <li>
          <strong>{t('options.privacy.progressTitle')}</strong> {t('options.privacy.progress')}
        </li>
        <li>
          <strong>{t('options.privacy.settingsTitle')}</strong>
          {t('options.privacy.settings')}
        </li>
        <li>{t('options.privacy.site', { sites: formatList(SITE_LIST.map((site) => site.name)) })}</li>
        <li>
          {t('options.privacy.lookups')} {t('options.lookups.sent')}
        </li>
        <li>
          <strong>{t('options.privacy.nothingTitle')}</strong> {t('options.privacy.nothing')}
        </li>
      </ul>
    </section>
  );
}
