import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/settings';
import { t } from '../i18n';
import { DataSection } from './DataSection';
import { LookupsSection } from './LookupsSection';
import { PrivacySection } from './PrivacySection';
import { SettingsSection } from './SettingsSection';
import { SitesSection } from './SitesSection';
import type { OptionsData } from './types';

export function OptionsApp({ data }: { data: OptionsData }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    data
      .loadSettings()
      .then(setSettings)
      .catch(() => setError(true));
  }, [data]);
  return (
    <main class="options">
      <h1>{t('options.title')}</h1>
      {error && (
        <p role="alert" class="error">
          {t('options.loadFailed')}
        </p>
      )}
      {settings && <SettingsSection data={data} settings={settings} onChange={setSettings} />}
      {data.sites && data.sites.sites.length > 0 && <SitesSection data={data.sites} />}
      {data.lookups && <LookupsSection data={data.lookups} />}
      <PrivacySection />
      <DataSection data={data} />
    </main>
  );
}
