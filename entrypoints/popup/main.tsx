import { isProviderLink } from '../../lib/lookup/provider-links';
import '../../components/shared/page-theme.css';
import '../../components/shared/badge.css';
import './style.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t, uiLocale } from '../../components/i18n';
import { repairMessagesIfEmpty } from '../../components/i18n/bundle';
import { SearchApp } from '../../components/popup/SearchApp';
import type { PopupData } from '../../components/popup/types';
import { send } from '../../lib/messaging/protocol';
import { optionalSites, siteAllowed } from '../../lib/sites/site-access';

// The active tab's id needs no permission; the background knows what that tab is playing.
const tabId = browser.tabs
  .query({ active: true, currentWindow: true })
  .then(([tab]) => tab?.id)
  .catch(() => undefined);

const data: PopupData = {
  searchIndex: async () => send('getSearchIndex', { tabId: await tabId }),
  nowWatching: async () => {
    const id = await tabId;
    return id === undefined ? null : send('getNowWatching', { tabId: id });
  },
  detail: async (kind, showId, id, reveal) =>
    send('getEntityDetail', { kind, showId, id, tabId: await tabId, ...(reveal ? { reveal } : {}) }),
  openLink: async (url) => {
    // Only the providers' own https pages, by the one rule for provider links (lib/lookup/provider-links.ts).
    if (isProviderLink(url)) await browser.tabs.create({ url });
  },
  sitesOff: async () => {
    const sites = optionalSites();
    const granted = await Promise.all(sites.map(siteAllowed));
    return sites.filter((_, i) => !granted[i]).map((site) => site.name);
  },
  openSites: async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('/options.html#sites') });
  },
};

void repairMessagesIfEmpty().then(() => {
  document.documentElement.lang = uiLocale();
  document.title = t('extName');
  const root = document.getElementById('app');
  if (root) render(<SearchApp data={data} />, root);
});
