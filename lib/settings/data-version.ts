/**
 * A counter in storage.local that the background bumps whenever the viewer's data changes (reading progress,
 * a reset, an import). Open panels watch it and refresh, so the options page takes effect without a reload.
 */
import { storage } from 'wxt/utils/storage';

export const dataVersionItem = storage.defineItem<number>('local:dataVersion', { fallback: 0 });

export async function bumpDataVersion(): Promise<void> {
  await dataVersionItem.setValue(Date.now());
}

export function watchDataVersion(callback: () => void): () => void {
  return dataVersionItem.watch(() => callback());
}
