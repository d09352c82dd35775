import '../../components/shared/page-theme.css';
import './style.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t, uiLocale } from '../../components/i18n';
import { repairMessagesIfEmpty } from '../../components/i18n/bundle';
import { OptionsApp } from '../../components/options/OptionsApp';
import type { OptionsData } from '../../components/options/types';
import { allowLookups, disallowLookups, watchLookupsAllowed } from '../../lib/lookup/permission';
import { send } from '../../lib/messaging/protocol';
import { loadSettings, saveSettings } from '../../lib/settings/settings';
import { SITES, siteOrigins } from '../../lib/sites/registry';
import { allowSite, disallowSite, optionalSites, siteAllowed } from '../../lib/sites/site-access';

const siteById = (id: string) => SITES[id as keyof typeof SITES];

const data: OptionsData = {
  loadSettings,
  saveSettings,
  listShows: () => send('listShows'),
  progress: async (showId) => {
    const progress = await send('getProgress', { showId });
    return { readVolume: progress.readVolume, watchedUpTo: progress.furthestEpisodeId ?? null };
  },
  listEpisodes: (showId) => send('listEpisodes', { showId }),
  place: async (showId, episodeId) => {
    await send('placeViewer', { showId, episodeId });
  },
  setReadVolume: async (showId, volume) => {
    await send('setReadVolume', { showId, volume });
  },
  stats: () => send('getStats'),
  storageEstimate: async () => (navigator.storage?.estimate ? navigator.storage.estimate() : {}),
  shortcut: () => send('getShortcut'),
  openShortcutSettings: async () => {
    // Chromium has a page for extension shortcuts; Firefox keeps them under the add-ons manager.
    const url = import.meta.env.FIREFOX ? 'about:addons' : 'chrome://extensions/shortcuts';
    await browser.tabs.create({ url }).catch(() => undefined);
  },
  reseed: async () => {
    await send('reseed');
  },
  clearLearned: () => send('clearLearned'),
  resetProgress: () => send('resetProgress'),
  exportUserData: () => send('exportUserData'),
  importUserData: (json) => send('importUserData', json),
  importPack: (json) => send('importPack', json),
  sites: {
    sites: optionalSites().map((site) => ({
      id: site.id,
      name: site.name,
      hosts: siteOrigins(site).map((origin) => new URL(origin.replace('*', '')).host),
    })),
    allowed: (id) => siteAllowed(siteById(id)),
    allow: (id) => allowSite(siteById(id)),
    disallow: (id) => disallowSite(siteById(id)),
    watch: watchLookupsAllowed,
  },
  lookups: {
    stats: () => send('getLookupStats'),
    allow: allowLookups,
    disallow: disallowLookups,
    clear: () => send('clearLookups'),
    watch: watchLookupsAllowed,
  },
};

void repairMessagesIfEmpty().then(() => {
  document.documentElement.lang = uiLocale();
  document.title = t('options.title');
  const root = document.getElementById('app');
  if (root) render(<OptionsApp data={data} />, root);
  // Opened from the panel's "Look up titles…" (FIREFOX: the framed panel cannot ask itself), or from the popup's offer
  // of a site: straight to the switch.
  const target = location.hash === '#lookups' || location.hash === '#sites' ? location.hash.slice(1) : undefined;
  if (target) requestAnimationFrame(() => document.getElementById(target)?.scrollIntoView());
});
