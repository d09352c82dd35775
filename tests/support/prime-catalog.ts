/** Prime Video catalog entries as the content script passes them on (lib/sites/primevideo/catalog-bridge.ts). */
import type { CatalogEntry } from '../../lib/sites/primevideo/catalog-bridge';

export const GTI1 = 'amzn1.dv.gti.00000000-0000-4000-8000-000000000101';
export const GTI2 = 'amzn1.dv.gti.00000000-0000-4000-8000-000000000102';

/** An episode of Heartstopper's first season, as the page's catalog names it; `at` is its arrival order. */
export const entry = (gti: string, episode: number, title: string, at: number): CatalogEntry => ({
  gti,
  type: 'episode',
  seriesTitle: 'Heartstopper',
  title,
  season: 1,
  episode,
  at,
});
