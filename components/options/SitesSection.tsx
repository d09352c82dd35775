import { useEffect, useState } from 'preact/hooks';
import { formatList, t } from '../i18n';
import type { OptionalSite, SitesData } from './types';

/**
 * "Streaming sites": one switch per site whose hosts are optional. The switch shows the browser's grant, so taking it
 * back in the browser's own extension settings shows here too; turning it on asks the browser, and the background
 * then registers the site's content script (lib/sites/site-access.ts).
 */
export function SitesSection({ data }: { data: SitesData }) {
  const [allowed, setAllowed] = useState<Record<string, boolean> | null>(null);
  const [denied, setDenied] = useState<string | null>(null);
  const refresh = () =>
    void Promise.all(data.sites.map(async (site) => [site.id, await data.allowed(site.id)] as const)).then(
      (entries) => setAllowed(Object.fromEntries(entries)),
      () => setAllowed(null),
    );
  useEffect(() => {
    refresh();
    return data.watch(refresh);
  }, [data]);

  const toggle = async (site: OptionalSite, on: boolean) => {
    // The browser's prompt needs the click: the request is the first thing the handler does.
    if (on) {
      const granted = await data.allow(site.id).catch(() => false);
      setDenied(granted ? null : site.id);
    } else {
      await data.disallow(site.id).catch(() => false);
      setDenied(null);
    }
    refresh();
  };

  return (
    <section aria-labelledby="sites-heading" id="sites">
      <h2 id="sites-heading">{t('options.sites.heading')}</h2>
      <p>{t('options.sites.intro')}</p>
      {data.sites.map((site) => {
        const on = allowed?.[site.id];
        return (
          <div key={site.id} class="site-switch">
            <label class="choice">
              <input
                type="checkbox"
                checked={on ?? false}
                disabled={!allowed}
                onChange={(e) => void toggle(site, (e.target as HTMLInputElement).checked)}
              />{' '}
              {t('options.sites.toggle', { site: site.name })}
            </label>
            {on !== undefined && (
              <p class="hint">{on ? t('options.sites.on', { site: site.name }) : t('options.sites.off', { site: site.name })}</p>
            )}
            <p class="hint">{t('options.sites.hosts', { hosts: formatList(site.hosts) })}</p>
            {denied === site.id && (
              <p role="alert" class="error">
                {t('options.sites.denied', { site: site.name })}
              </p>
            )}
          </div>
        );
      })}
    </section>
  );
}
