/**
 * A counter in storage.local that the background bumps whenever the viewer's data changes (reading progress,
 * a reset, an import). Open panels watch it and refresh, so the options page takes effect without a reload.
 */
import { browser } from 'wxt/browser';

export const DATA_VERSION_KEY = 'dataVersion';
const KEY = DATA_VERSION_KEY;

export async function bumpDataVersion(): Promise<void> {
  await browser.storage.local.set({ [KEY]: Date.now() });
}

export function watchDataVersion(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && KEY in changes) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
