import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { LookupsData } from './types';

/**
 * "Titles without a pack" (issue 17): the switch that asks the browser for TVmaze and Wikidata, what is sent and
 * what is not, the credits, and the cache of what was fetched. The switch shows the browser's grant, so turning it
 * off in the browser's own settings shows here too.
 */
export function LookupsSection({ data }: { data: LookupsData }) {
  const [stats, setStats] = useState<{ allowed: boolean; titles: number } | null>(null);
  const [note, setNote] = useState<'denied' | 'offerClear' | 'cleared' | null>(null);
  const refresh = () => void data.stats().then(setStats, () => setStats(null));
  // Subscribes once.
  useEffect(() => {
    refresh();
    return data.watch(refresh);
  }, [data]);

  const toggle = async (on: boolean) => {
    // The browser's prompt needs the click: the request is the first thing the handler does.
    if (on) {
      const granted = await data.allow().catch(() => false);
      setNote(granted ? null : 'denied');
    } else {
      await data.disallow().catch(() => false);
      setNote('offerClear');
    }
    refresh();
  };
  const clear = async () => {
    await data.clear();
    setNote('cleared');
    refresh();
  };

  return (
    <section aria-labelledby="lookups-heading" id="lookups">
      <h2 id="lookups-heading">{t('options.lookups.heading')}</h2>
      <p>{t('options.lookups.intro')}</p>
      <label class="choice">
        <input
          type="checkbox"
          checked={stats?.allowed ?? false}
          disabled={!stats}
          onChange={(e) => void toggle((e.target as HTMLInputElement).checked)}
        />{' '}
        {t('options.lookups.toggle')}
      </label>
      {stats && <p class="hint">{stats.allowed ? t('options.lookups.on') : t('options.lookups.off')}</p>}
      {note === 'denied' && (
        <p role="alert" class="error">
          {t('options.lookups.denied')}
        </p>
      )}
      <ul>
        <li>
          <strong>{t('options.lookups.sentTitle')}</strong> {t('options.lookups.sent')}
        </li>
        <li>
          <strong>{t('options.lookups.notSentTitle')}</strong> {t('options.lookups.notSent')}
        </li>
        <li>
          <strong>{t('options.lookups.creditsTitle')}</strong> {t('options.lookups.credits')}
        </li>
      </ul>
      {stats && stats.titles > 0 && (
        <p>
          {note === 'offerClear' ? t('options.lookups.offerClear') : t('options.lookups.stored', stats.titles)}{' '}
          <button type="button" onClick={() => void clear()}>
            {t('options.lookups.clear')}
          </button>
        </p>
      )}
      {note === 'cleared' && <p role="status">{t('options.lookups.cleared')}</p>}
    </section>
  );
}
