/**
 * Own words, measured: every run of six words that a pack's visible text shares with its fact sheet. Names and
 * titles are taken out first (each becomes one word of its own), so "Allen the Alien" or an episode title does not
 * count as copying, while a sentence lifted around them still does. Used by tests/harness/own-words.ts.
 */
import type { Pack } from '../../lib/pack/schema';

export const RUN = 6;

/** Every text of a pack that a viewer can read, with where it is. */
export function visibleTexts(pack: Pack): [string, string][] {
  const out: [string, string][] = [['show.summary', pack.show.summary]];
  for (const e of pack.episodes) {
    if (e.setup) out.push([`${e.id}.setup`, e.setup]);
    if (e.synopsis) out.push([`${e.id}.synopsis`, e.synopsis]);
  }
  for (const c of pack.characters) for (const [i, s] of c.summaries.entries()) out.push([`${c.id}.summaries.${i}`, s.text]);
  for (const v of pack.volumes) {
    out.push([`volume ${v.number}.arc`, v.arc]);
    if (v.issuesNote) out.push([`volume ${v.number}.issuesNote`, v.issuesNote]);
    if (v.publishedNote) out.push([`volume ${v.number}.publishedNote`, v.publishedNote]);
  }
  for (const b of pack.books) for (const [i, s] of b.connections.entries()) out.push([`${b.id}.connections.${i}`, s.text]);
  for (const a of pack.adaptations) out.push([`${a.id}.note`, a.note]);
  for (const n of pack.notes) out.push([`${n.id}.text`, n.text]);
  if (pack.film) out.push(['film.synopsis', pack.film.synopsis], ['film.statusNote', pack.film.statusNote]);
  return out;
}

/** The names and titles a pack uses, longest first, so that "Darkwing II" is taken before "Darkwing". */
export function namesOf(pack: Pack, extra: string[] = []): string[] {
  const names = [
    pack.show.title,
    ...pack.show.aliases,
    ...pack.episodes.map((e) => e.title),
    ...pack.characters.flatMap((c) => [c.name, ...c.aliases]),
    ...pack.people.map((p) => p.name),
    ...pack.volumes.map((v) => v.title),
    ...pack.books.map((b) => b.title),
    ...extra,
  ];
  return [...new Set(names.filter((n) => n.length > 2))].sort((a, b) => b.length - a.length);
}

/** Lower-case words, with each name reduced to a single token. */
export function words(text: string, names: string[]): string[] {
  let t = text.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
  names.forEach((name, i) => {
    const escaped = name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Whole words only: "Eve" must not be taken out of "several".
    t = t.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'), ` name${i} `);
  });
  return t.match(/[\p{L}\p{N}']+/gu) ?? [];
}

function runs(list: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + RUN <= list.length; i++) out.push(list.slice(i, i + RUN).join(' '));
  return out;
}

/** Each visible text that shares a run of six words with the sheet, with the runs it shares. */
export function sharedRuns(pack: Pack, sheet: string, extraNames: string[] = []): { where: string; runs: string[] }[] {
  const names = namesOf(pack, extraNames);
  const sheetRuns = new Set(runs(words(sheet, names)));
  const found: { where: string; runs: string[] }[] = [];
  for (const [where, text] of visibleTexts(pack)) {
    const shared = runs(words(text, names)).filter((r) => sheetRuns.has(r));
    if (shared.length) found.push({ where, runs: shared.map((r) => r.replace(/name(\d+)/g, (_, i) => names[Number(i)] ?? r)) });
  }
  return found;
}
