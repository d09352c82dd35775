/**
 * Reports, for every bundled pack, the visible texts that share a run of six words with a research fact sheet
 * (names and titles aside): `npx tsx tests/harness/own-words.ts [reference dir]`. The directory defaults to the
 * first of ../shared/reference and ../../shared/reference (beside the clone) that exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sharedRuns } from '../../lib/pack/own-words';
import type { Pack } from '../../lib/pack/schema';
import { validatePack } from '../../lib/pack/validate';

export function referenceDir(explicit?: string): string | undefined {
  const candidates = [explicit, process.env.BACKSTORY_REFERENCE, '../shared/reference', '../../shared/reference'];
  return candidates
    .filter((c): c is string => Boolean(c))
    .map((c) => resolve(c))
    .find((c) => existsSync(c));
}

export function factSheets(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('-facts.md'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

if (process.argv[1]?.endsWith('own-words.ts')) {
  const dir = referenceDir(process.argv[2]);
  if (!dir) {
    console.error('no fact sheets found: pass their directory, or set BACKSTORY_REFERENCE');
    process.exit(2);
  }
  const sheets = factSheets(dir);
  for (const file of readdirSync('data').filter((f) => f.endsWith('.pack.json'))) {
    const result = validatePack(JSON.parse(readFileSync(join('data', file), 'utf8')));
    if (!result.ok) {
      console.log(`${file}: does not validate`);
      continue;
    }
    const pack: Pack = result.pack;
    const found = sharedRuns(pack, sheets);
    console.log(`${file}: ${found.length} text(s) share a run of six words with ${sheets.length} fact sheet(s) in ${dir}`);
    for (const f of found) console.log(`  ${f.path}: "${f.run}"  in  "${f.text.slice(0, 100)}"`);
  }
}
