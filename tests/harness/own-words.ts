/**
 * `npx tsx tests/harness/own-words.ts data/<show>.pack.json ../shared/reference/<show>-facts.md`: lists every
 * visible text of the pack that shares a run of six words with its fact sheet (names and titles aside), and
 * prints the count. The house rule is zero.
 */
import { readFile } from 'node:fs/promises';
import type { Pack } from '../../lib/pack/schema';
import { RUN, sharedRuns } from '../support/own-words';

// Places, teams and groups the sheet and the pack both have to call by name.
const PROPER_NAMES = [
  'Guardians of the Globe',
  'Teen Team',
  'Coalition of Planets',
  'Viltrumite Empire',
  'Lizard League',
  'Global Defense Agency',
  'Upstate University',
  'Mount Rushmore',
  'White House',
  'Washington Monument',
  'Declaration of Independence',
  'Midnight City',
  'Invincible War',
  'Free Comic Book Day',
  'Ultimate Collection',
  'The Astounding Wolf-Man',
  'Invincible Returns',
  'Marvel Team-Up',
  'New York Comic Con',
  'Prime Video',
  'Image Comics',
  'Viltrumite War',
  'Scourge virus',
  'King Lizard',
  'Spider-Man',
  'Robert Kirkman',
  'Cory Walker',
  'Ryan Ottley',
  'Simon Racioppa',
  // First names the sheet and the pack both use on their own.
  'Mark',
  'Nolan',
  'Debbie',
  'Eve',
  'Amber',
  'William',
  'Rick',
  'Allen',
  'Cecil',
  'Donald',
  'Rex',
  'Oliver',
  'Levy',
  'Kate',
  'Rae',
  'Rudy',
  'Andressa',
  'Liu',
  'Kregg',
  'Kirkman',
];

const [packPath, sheetPath] = process.argv.slice(2);
if (!packPath || !sheetPath) throw new Error('usage: own-words.ts <pack.json> <facts.md>');
const pack = JSON.parse(await readFile(packPath, 'utf8')) as Pack;
const sheet = await readFile(sheetPath, 'utf8');
const found = sharedRuns(pack, sheet, PROPER_NAMES);
for (const f of found) console.log(`${f.where}: ${f.runs.map((r) => `"${r}"`).join(', ')}`);
const runs = found.reduce((n, f) => n + f.runs.length, 0);
console.log(`${found.length} texts share ${runs} runs of ${RUN} words with ${sheetPath}`);
process.exitCode = found.length ? 1 : 0;
