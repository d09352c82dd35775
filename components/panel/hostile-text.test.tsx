// Hostile text from a page or a pack: shown as plain text, never as markup.
import { fireEvent, render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { openBackstoryDb } from '../../lib/db/schema';
import { seedPack } from '../../lib/db/seed';
import { viewerHorizon } from '../../lib/pack/horizon';
import { validatePack } from '../../lib/pack/validate';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { episodeContext } from '../../lib/views/context';
import { heartstopper } from '../../tests/support/packs';
import { Panel } from './Panel';
import type { PanelActions } from './types';

const HOSTILE = [
  '<img src=x onerror="globalThis.__pwned=1">',
  '<script>globalThis.__pwned=2</script>',
  '\u202eevil\u202c right-to-left',
  'zero\u200bwidth',
  '🎬🌈💥 emoji',
  'W'.repeat(80),
];

describe('hostile text in a data pack', () => {
  it('validates and renders as text, with nothing executed or injected', async () => {
    const pack = heartstopper();
    pack.episodes[0] = {
      ...pack.episodes[0],
      title: HOSTILE[0] ?? '',
      synopsis: HOSTILE.join(' '),
    } as (typeof pack.episodes)[number];
    const charlie = pack.characters[0];
    if (charlie) {
      charlie.name = `${HOSTILE[1]}${HOSTILE[5]}`;
      charlie.summaries = [{ text: HOSTILE.slice(2).join(' '), horizon: { episode: 's1e1', at: 'start' }, sources: ['P4'] }];
    }
    const result = validatePack(pack);
    expect(result.ok).toBe(true);
    const db = await openBackstoryDb();
    await seedPack(db, pack, 'imported');
    const context = await episodeContext(db, 'heartstopper', 's1e1', viewerHorizon('current', 1, 0, 0), {
      readVolume: 0,
      furthestOrdinal: 0,
      placedAt: 1,
    });
    if (!context) throw new Error('no context');
    const { container } = render(
      <Panel view={{ status: 'ready', context }} open settings={DEFAULT_SETTINGS} shortcut="" actions={{} as PanelActions} />,
    );
    // The summary shows when the cast row is opened.
    const row = container.querySelector('.bs-cast__toggle');
    if (row) fireEvent.click(row);
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.textContent).toContain(HOSTILE[0]);
    expect(container.textContent).toContain('🎬🌈💥 emoji');
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
    db.close();
  });

  it('rejects text past the schema limits instead of truncating silently', () => {
    const pack = heartstopper();
    if (pack.notes[0]) pack.notes[0].text = 'x'.repeat(601);
    const result = validatePack(pack);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]?.path).toBe('notes.0.text');
  });
});
