import { describe, expect, it } from 'vitest';
import { heartstopper } from '../../tests/support/packs';
import { checkSizes, PACK_LIMITS } from './sizes';
import { validatePack } from './validate';

describe('pack size limits (review B7)', () => {
  it('refuses a pack with an oversized list by its length alone, without validating its entries', () => {
    const hostile = { ...heartstopper(), notes: new Array(2_000_000).fill(0) };
    expect(validatePack(hostile)).toEqual({
      ok: false,
      issues: [{ path: 'notes', message: 'at most 20,000 entries, found 2,000,000' }],
    });
  });

  it('lets every bundled-size pack through, and ignores what is not a list', () => {
    expect(checkSizes(heartstopper(), PACK_LIMITS)).toEqual([]);
    expect(checkSizes('nonsense', PACK_LIMITS)).toEqual([]);
    expect(checkSizes({ notes: 'x'.repeat(50_000) }, PACK_LIMITS)).toEqual([]);
  });
});
