/**
 * The background service worker owns the IndexedDB cache and answers every query (see lib/service). It also
 * relays the panel's keyboard shortcut to the tab it was pressed in.
 */

import { browser } from 'wxt/browser';
import { defineBackground } from '#imports';
import { dbHealth, getDb } from '../lib/db/connection';
import { LOOKUP_ORIGINS } from '../lib/lookup/origins';
import { createProviderQueue } from '../lib/lookup/provider-queue';
import type { TabTitle } from '../lib/lookup/title-view';
import { serve } from '../lib/messaging/protocol';
import { PANEL_COMMAND, panelToggleMessage } from '../lib/messaging/tab-messages';
import { bundledPacks } from '../lib/pack/bundled';
import { createBackstoryService } from '../lib/service/backstory-service';
import type { PanelFrameBinding, TabIdentity } from '../lib/service/core';
import { currentNowWatching, sessionNowWatching, sessionTabStore } from '../lib/service/now-watching-store';
import { bumpDataVersion } from '../lib/settings/data-version';
import { loadSettings, readVolumeStamps, saveSettings, watchSettings } from '../lib/settings/settings';
import { isAnyWatchUrl } from '../lib/sites/registry';
import { createServerAsker } from '../lib/sites/server-ask';
import { createSiteAccessSync, renewAfterInstall } from '../lib/sites/site-access';

export default defineBackground(() => {
  const tabUrl = async (tabId: number) => (await browser.tabs.get(tabId)).url;
  const nowWatching = currentNowWatching(sessionNowWatching(), tabUrl, isAnyWatchUrl);
  const unpackedTitles = sessionTabStore<TabTitle>('unpackedTitle');
  // What the background last identified in each tab: kept in storage.session, as the worker stops while a video plays.
  const identities = sessionTabStore<TabIdentity>('identity');
  const shownVideos = sessionTabStore<string>('shownVideo');
  const panelFrames = sessionTabStore<PanelFrameBinding>('panelFrame');
  // Netflix's metadata, asked by the background for the video a tab shows (never by the page's own origin).
  const askServer = createServerAsker();
  const service = createBackstoryService({
    getDb,
    dbHealth,
    extensionVersion: browser.runtime.getManifest().version,
    bundledPacks,
    loadSettings,
    saveSettings,
    nowWatching,
    identities,
    shownVideos,
    unpackedTitles,
    panelFrames,
    askServer,
    tabUrl,
    // Titles without a pack (issue 17): only while the viewer's grant of the optional hosts stands. One queue per
    // provider: TVmaze allows 20 calls in 10 s, Wikidata's query service asks for one at a time.
    lookups: {
      allowed: () => browser.permissions.contains({ origins: LOOKUP_ORIGINS }),
      tvmaze: createProviderQueue({ minIntervalMs: 500 }),
      wikidata: createProviderQueue({ minIntervalMs: 1_000 }),
    },
    dataChanged: bumpDataVersion,
    shortcut: async () => (await browser.commands.getAll()).find((c) => c.name === PANEL_COMMAND)?.shortcut ?? '',
    relayToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
    // The panel's frame only (see relayToPanel). None listening (a frame still loading) is fine.
    toTabFrame: (tabId, frameId, message) =>
      browser.tabs.sendMessage(tabId, message, { frameId }).then(
        () => undefined,
        () => undefined,
      ),
  });
  serve(service);
  // Reading progress set in another browser arrives with the synced settings.
  watchSettings(async (settings) => {
    const setAt = Object.fromEntries(readVolumeStamps(await browser.storage.sync.get(null)).map(([id, s]) => [id, s.at]));
    await service.applySyncedReadVolumes(settings.readVolumes, setAt).catch(console.error);
  });

  // The sites the viewer turns on (optional hosts): their content scripts registered while granted. Checked on every
  // start too: a grant taken back while the browser was closed, or a registration lost, is caught up.
  const syncSites = createSiteAccessSync();
  browser.permissions.onAdded.addListener(() => void syncSites().catch(console.error));
  browser.permissions.onRemoved.addListener(() => void syncSites().catch(console.error));

  // Seed on install or update, and on every start in case the store was cleared: it is a no-op when current.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void service.warmUp().catch(console.error);
    // Streaming tabs that were open before it get the new content script, which takes over without a page reload.
    if (reason === 'install' || reason === 'update') void renewAfterInstall(syncSites).catch(console.error);
  });
  void service.warmUp().catch(console.error);
  void syncSites().catch(console.error);

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== PANEL_COMMAND) return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId !== undefined) await browser.tabs.sendMessage(tabId, panelToggleMessage(), { frameId: 0 }).catch(() => undefined);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void nowWatching.set(tabId, undefined);
    void unpackedTitles.set(tabId, undefined);
    void identities.set(tabId, undefined);
    void shownVideos.set(tabId, undefined);
    void panelFrames.set(tabId, undefined);
    askServer.forget(tabId);
  });
});
