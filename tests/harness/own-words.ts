/**
 * Own words: lists every visible text of a pack that shares a run of six words with its fact sheet, names and
 * titles aside (the house rule in CONTRIBUTING.md). The fact sheet lives outside the repository
 * (../shared/reference), so this is a tool to run by hand, not a unit test:
 *
 *   npx tsx tests/harness/own-words.ts data/the-sandman.pack.json ../shared/reference/sandman-facts.md
 *
 * Names and titles (characters, people, episodes, volumes, books, issues) count as one word each, so a run that
 * only repeats a title is not a copy, while a sentence built around a name still is. Exit code 1 on any hit.
 */
import { readFileSync } from 'node:fs';

const RUN = 6;
/** The fields whose text a viewer can see; ids, keys, addresses and dates are not prose. */
const PROSE = new Set(['summary', 'setup', 'synopsis', 'text', 'note', 'arc', 'publishedNote', 'issuesNote', 'statusNote']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function collect(node: Json, path: string, out: { path: string; text: string }[], names: Set<string>, key = '') {
  if (typeof node === 'string') {
    if (PROSE.has(key)) out.push({ path, text: node });
    if (['name', 'title'].includes(key) && !path.includes('sources')) names.add(node);
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      if (key === 'aliases' || key === 'comics') names.add(String(item));
      collect(item, `${path}[${i}]`, out, names, key);
    });
    return;
  }
  if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) collect(v, path ? `${path}.${k}` : k, out, names, k);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function words(text: string, names: string[]): string[] {
  let t = text.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
  for (const name of names) t = t.replace(new RegExp(`(?<![\\p{L}'])${escapeRegExp(name)}(?![\\p{L}])`, 'gu'), ' zzname ');
  return t.match(/[\p{L}\p{N}']+/gu) ?? [];
}

function runs(ws: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + RUN <= ws.length; i++) out.push(ws.slice(i, i + RUN).join(' '));
  return out;
}

const [packPath, sheetPath] = process.argv.slice(2);
if (!packPath || !sheetPath) {
  console.error('usage: tsx tests/harness/own-words.ts <pack.json> <facts.md>');
  process.exit(2);
}
const texts: { path: string; text: string }[] = [];
const nameSet = new Set<string>();
collect(JSON.parse(readFileSync(packPath, 'utf8')) as Json, '', texts, nameSet);
// Longest first, so "Lady Johanna Constantine" goes before "Johanna"; very short names would eat ordinary words.
const names = [...nameSet]
  .map((n) => n.toLowerCase().replace(/[’‘]/g, "'"))
  .filter((n) => n.length >= 3)
  .sort((a, b) => b.length - a.length);
const sheet = new Set(runs(words(readFileSync(sheetPath, 'utf8'), names)));
let hits = 0;
for (const { path, text } of texts) {
  const shared = runs(words(text, names)).filter((r) => sheet.has(r) && r.split(' ').some((w) => w !== 'zzname'));
  if (shared.length === 0) continue;
  hits++;
  console.log(`${path}: "${shared[0]}"${shared.length > 1 ? ` (+${shared.length - 1})` : ''}\n    ${text}`);
}
console.log(`${hits} of ${texts.length} visible texts share a run of ${RUN} words with ${sheetPath}`);
process.exit(hits === 0 ? 0 : 1);
