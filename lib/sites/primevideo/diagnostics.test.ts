import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from './catalog-bridge';
import { formatDiagnostics } from './diagnostics';

const GTI1 = 'amzn1.dv.gti.00000000-0000-4000-8000-000000000101';
const GTI2 = 'amzn1.dv.gti.00000000-0000-4000-8000-000000000102';
const entry = (gti: string, episode: number, at: number): CatalogEntry => ({
  gti,
  type: 'episode',
  seriesTitle: 'Heartstopper',
  title: 'x',
  season: 1,
  episode,
  at,
});

describe('Prime Video’s diagnostics', () => {
  it('say which entry the background paired and the title it parsed, from what the content script read', () => {
    const text = formatDiagnostics({
      site: 'primevideo',
      version: '1.0',
      path: '/detail/x',
      selectors: [],
      trace: {
        ad: false,
        title: { text: 'Heartstopper|S1 E1 Meet', parts: ['Heartstopper', 'S1 E1 Meet'] },
        entries: [entry(GTI1, 1, 1), entry(GTI2, 2, 2)],
      },
    });
    expect(text).toContain('Catalog entries seen: 2');
    // The older entry, as the screen shows episode 1: the background's pairing (pair.ts), not the newest.
    expect(text).toContain(`Catalog said: ${GTI1}, type episode, show “Heartstopper”, S1 E1`);
    expect(text).toContain('Player title: show “Heartstopper”, S1 E1, title “Meet”');
  });

  it('say nothing was seen when the page world did not answer', () => {
    const text = formatDiagnostics({ site: 'primevideo', selectors: [], trace: { ad: false } });
    expect(text).toContain('Catalog entries seen: —');
    expect(text).toContain('Catalog said: —');
    expect(text).toContain('Player title: —');
  });
});
