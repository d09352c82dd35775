// Own words: no visible text of a checked pack shares a run of six words with a research fact sheet, names and
// titles aside. The fact sheets live beside the clone (../shared/reference in CI), not in the repository.
import { describe, expect, it } from 'vitest';
import { factSheets, referenceDir } from '../../tests/harness/own-words';
import { EVENTS_OWN_WORDS_CHECKED, OWN_WORDS_CHECKED } from '../../tests/support/packs';
import { bundledPacks } from './bundled';
import { plainWords, sharedEventRuns, sharedRuns } from './own-words';
import type { Pack } from './schema';

const dir = referenceDir();
const packs = bundledPacks as Pack[];

describe('the six-word measure', () => {
  const pack = packs.find((p) => p.id === 'heartstopper');
  if (!pack) throw new Error('Heartstopper is missing');
  it('finds a copied run and leaves names and titles aside', () => {
    const copy = structuredClone(pack);
    const note = copy.notes[0];
    if (!note) throw new Error('no note');
    note.text = 'Charlie Spring and Nick Nelson share a first kiss at last.';
    expect(sharedRuns(copy, ['Nick Nelson and Charlie Spring share a first kiss at the party'])).toEqual([
      { path: 'notes.0.text', text: note.text, run: 'and share a first kiss at' },
    ]);
    expect(sharedRuns(copy, ['Tori Spring and Elle Argent share a first kiss'])).toEqual([]);
    expect(plainWords('Charlie tells Nick', [['Nick'], ['Charlie']])).toEqual(['tells']);
  });
  it('reads the ledger’s lines for reviewers too', () => {
    const copy = structuredClone(pack);
    copy.events = [{ id: 'planted', what: 'Nick and Charlie share a first kiss at the party', sources: ['x'], volume: 1 }];
    expect(sharedEventRuns(copy, ['Nick Nelson and Charlie Spring share a first kiss at the party'])).toEqual([
      { path: 'events.0.what', text: 'Nick and Charlie share a first kiss at the party', run: 'share a first kiss at the' },
    ]);
  });
});

describe.skipIf(!dir)(`own words against the fact sheets (${dir ?? 'not found: ../shared/reference is absent'})`, () => {
  const sheets = dir ? factSheets(dir) : [];
  it.each(OWN_WORDS_CHECKED.map((id) => [id] as const))('%s shares no run of six words with a fact sheet', (id) => {
    const pack = packs.find((p) => p.id === id);
    if (!pack) throw new Error(`${id} is not bundled`);
    expect(sheets.length).toBeGreaterThan(0);
    expect(sharedRuns(pack, sheets), 'rewrite each text in your own words').toEqual([]);
  });
  it.each(EVENTS_OWN_WORDS_CHECKED.map((id) => [id] as const))(
    '%s’s ledger lines share no run of six words with a fact sheet',
    (id) => {
      const pack = packs.find((p) => p.id === id);
      if (!pack) throw new Error(`${id} is not bundled`);
      expect(sheets.length).toBeGreaterThan(0);
      expect(sharedEventRuns(pack, sheets), 'reword each event’s "what"').toEqual([]);
    },
  );
});
