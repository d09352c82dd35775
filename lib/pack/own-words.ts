/**
 * Own words (the developers' guide): no text a viewer can see shares a run of six words with a research fact
 * sheet, names and titles aside. Names (characters, actors) and titles (show, episodes, volumes, books, film) are
 * left out of both sides before runs are counted, so "Nick and Charlie" neither makes nor breaks a run.
 * Measured by lib/pack/own-words.test.ts (when the fact sheets are beside the clone) and
 * tests/harness/own-words.ts (a report for every pack).
 */
import { fieldOf, visibleTexts } from './ledger';
import type { Pack } from './schema';
import { OWN_WORDS_ASIDE } from './visibility';

export const RUN = 6;

/** Words as written (names are matched in their case: the title "Out" is a name, the word "out" is not). */
const tokens = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[’‘]/g, "'")
    .match(/[\p{L}\p{N}']+/gu) ?? [];

/** The names and titles of a pack, as word sequences, longest first; a person's first and last names count too. */
export function namesAndTitles(pack: Pack): string[][] {
  const people = [
    ...pack.characters.flatMap((c) => [c.name, ...c.aliases, ...(c.change?.comics ?? [])]),
    ...pack.people.map((p) => p.name),
  ];
  const titles = [
    pack.show.title,
    ...pack.show.aliases,
    ...pack.episodes.map((e) => e.title),
    ...pack.volumes.map((v) => v.title),
    ...pack.books.map((b) => b.title),
    ...(pack.film ? [pack.film.title] : []),
  ];
  const all = [...people, ...titles].map(tokens);
  for (const name of people) for (const part of tokens(name)) if (/^\p{Lu}/u.test(part)) all.push([part]);
  const seen = new Set<string>();
  return all
    .filter((n) => n.length > 0 && !seen.has(n.join(' ')) && Boolean(seen.add(n.join(' '))))
    .sort((a, b) => b.length - a.length);
}

/** The words of a text, lower-cased, with names and titles taken out. */
export function plainWords(text: string, names: string[][]): string[] {
  const w = tokens(text);
  const out: string[] = [];
  for (let i = 0; i < w.length; ) {
    const name = names.find((n) => n.every((part, j) => w[i + j] === part));
    if (name) i += name.length;
    else out.push((w[i++] ?? '').toLowerCase());
  }
  return out;
}

const runs = (w: string[]) => {
  const set = new Set<string>();
  for (let i = 0; i + RUN <= w.length; i++) set.add(w.slice(i, i + RUN).join(' '));
  return set;
};

export interface SharedRun {
  path: string;
  text: string;
  run: string;
}

/** The visible texts held to own words: every prose field but a source's title and address. */
export const ownWordsTexts = (pack: Pack) => visibleTexts(pack).filter((t) => !OWN_WORDS_ASIDE.includes(fieldOf(t.path)));

function sharedIn(pack: Pack, sheets: string[], texts: { path: string; text: string }[]): SharedRun[] {
  const names = namesAndTitles(pack);
  const sheetRuns = new Set(sheets.flatMap((s) => [...runs(plainWords(s, names))]));
  const found: SharedRun[] = [];
  for (const t of texts) {
    const shared = [...runs(plainWords(t.text, names))].find((r) => sheetRuns.has(r));
    if (shared) found.push({ path: t.path, text: t.text, run: shared });
  }
  return found;
}

/** Every visible text of the pack (source titles and addresses aside) that shares a run of six words with a sheet. */
export function sharedRuns(pack: Pack, sheets: string[]): SharedRun[] {
  return sharedIn(pack, sheets, ownWordsTexts(pack));
}

/** The ledger's `what` lines that share a run with a sheet: never shown, but a pack's words are its own throughout. */
export function sharedEventRuns(pack: Pack, sheets: string[]): SharedRun[] {
  return sharedIn(
    pack,
    sheets,
    (pack.events ?? []).map((e, i) => ({ path: `events.${i}.what`, text: e.what })),
  );
}
