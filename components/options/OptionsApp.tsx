import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/settings';
import { DataSection } from './DataSection';
import { PrivacySection } from './PrivacySection';
import { SettingsSection } from './SettingsSection';
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
      <h1>Backstory settings</h1>
      {error && (
        <p role="alert" class="error">
          Settings could not be loaded; the defaults are in use.
        </p>
      )}
      {settings && <SettingsSection data={data} settings={settings} onChange={setSettings} />}
      <PrivacySection />
      <DataSection data={data} />
    </main>
  );
}
