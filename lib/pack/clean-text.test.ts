import { describe, expect, it } from 'vitest';
import { heartstopper } from '../../tests/support/packs';
import { cleanPackText } from './schema';
import { validatePack } from './validate';

describe('pack text is cleaned on validation (review B10)', () => {
  it('drops bidi overrides and other invisible format characters, keeping the joiner emoji need', () => {
    expect(cleanPackText('\u202eevil.example/login\u202c')).toBe('evil.example/login');
    expect(cleanPackText('zero\u200bwidth \u2067isolate\u2069')).toBe('zerowidth isolate');
    expect(cleanPackText('🏳️‍🌈')).toBe('🏳️‍🌈');
  });

  it('cuts piles of combining marks to two per letter', () => {
    expect(cleanPackText(`Z${'\u0300'.repeat(400)}!`)).toBe('Z\u0300\u0300!');
    expect(cleanPackText('Zoë and Beyoncé')).toBe('Zoë and Beyoncé');
  });

  it('applies to every text a pack carries, and still refuses a text that is nothing but marks', () => {
    const pack = heartstopper();
    const charlie = pack.characters[0];
    if (!charlie) throw new Error('no character');
    charlie.name = `\u202eCharlie${'\u0301'.repeat(50)}`;
    const result = validatePack(pack);
    expect(result.ok && result.pack.characters[0]?.name).toBe('Charlie\u0301\u0301');
    charlie.name = '\u202e\u202c';
    expect(validatePack(pack).ok).toBe(false);
  });
});
