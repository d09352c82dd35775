import { describe, expect, it } from 'vitest';
import { bundledPacks } from '../../lib/pack/bundled';
import type { Pack } from '../../lib/pack/schema';
import { sharedRuns, words } from './own-words';

const pack = bundledPacks.find((p) => (p as Pack).id === 'invincible') as Pack;

describe('the own-words measure', () => {
  const sheet = 'S2E2 is "In About Six Hours I Lose My Virginity to a Fish". Nolan gives public and private eulogies there.';
  const withNotes = (...texts: string[]): Pack => ({
    ...pack,
    notes: texts.map((text, i) => ({ ...(pack.notes[0] as Pack['notes'][number]), id: `n${i}`, text })),
  });

  it('finds a run of six words lifted from the sheet', () => {
    const found = sharedRuns(withNotes('At the memorial Nolan gives public and private eulogies.'), sheet);
    expect(found.filter((f) => f.where.startsWith('n0'))).toEqual([
      { where: 'n0.text', runs: ['nolan gives public and private eulogies'] },
    ]);
  });

  it('does not count a long title the text only names', () => {
    const found = sharedRuns(withNotes('The episode is called In About Six Hours I Lose My Virginity to a Fish.'), sheet);
    expect(found.filter((f) => f.where.startsWith('n0'))).toEqual([]);
  });

  it('reads a name as one word', () => {
    expect(words('Allen the Alien came', ['Allen the Alien'])).toEqual(['name0', 'came']);
  });
});
