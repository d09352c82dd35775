/**
 * A counter in storage.local that the background bumps whenever the viewer's data changes (reading progress,
 * a reset, an import). Open watch pages listen for it (one storage listener in the content script's watch
 * session) and refresh, so the options page takes effect without a reload.
 */
import { browser } from 'wxt/browser';

export const DATA_VERSION_KEY = 'dataVersion';

export async function bumpDataVersion(): Promise<void> {
  await browser.storage.local.set({ [DATA_VERSION_KEY]: Date.now() });
}
