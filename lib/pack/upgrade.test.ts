import { describe, expect, it } from 'vitest';
import { format1 } from '../../tests/support/format1-pack';
import { upgradePack } from './upgrade';
import { validatePack } from './validate';

describe('upgradePack: format 1 → 2 → 3 → 4 → 5', () => {
  it('gives every visible text a horizon, conservatively, and validates', () => {
    const upgraded = upgradePack(format1());
    const result = validatePack(upgraded);
    expect(result.ok ? [] : result.issues).toEqual([]);
    if (!result.ok) return;
    const { pack } = result;
    expect(pack.schemaVersion).toBe(5);
    expect(pack.show.titleIds).toEqual({ netflix: '12345' });
    expect(pack.characters[0]?.summaries).toEqual([
      { text: 'Kim.', horizon: { episode: 's1e1', at: 'start' }, sources: ['a', 'late'] },
    ]);
    expect(pack.characters[0]?.roles[0]?.group).toBe('central');
    // A source is held back until the latest thing that cites it; one cited only early is safe from the start.
    expect(pack.sources.find((s) => s.key === 'late')?.horizon).toEqual({ episode: 's1e2' });
    expect(pack.sources.find((s) => s.key === 'a')?.horizon).toEqual({ episode: 's1e1', at: 'start' });
    // A book's connection had no horizon: it waits for the end, with only the kind and year before that.
    expect(pack.books[0]?.connections.map((c) => [c.text, c.horizon])).toEqual([
      ['A novel from 2014.', { episode: 's1e1', at: 'start' }],
      ['Says too much.', { episode: 's1e2' }],
    ]);
    expect(pack.episodes.map((e) => e.setup)).toEqual([null, null]);
  });

  it('leaves other input alone for validation to judge', () => {
    expect(upgradePack({ schemaVersion: 3, x: 1 })).toEqual({ schemaVersion: 5, x: 1 });
    expect(upgradePack({ schemaVersion: 4, x: 1 })).toEqual({ schemaVersion: 5, x: 1 });
    expect(upgradePack({ schemaVersion: 5, x: 1 })).toEqual({ schemaVersion: 5, x: 1 });
    expect(upgradePack('nonsense')).toBe('nonsense');
    expect(validatePack(upgradePack({ ...format1(), schemaVersion: 7 })).ok).toBe(false);
  });
});
