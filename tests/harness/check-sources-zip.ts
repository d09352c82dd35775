/**
 * `npm run check:sources-zip` (after `npm run zip`): a reviewer of the Firefox add-on rebuilds it from the sources
 * zip. This does the same in a temporary folder (npm ci, then the Firefox build) and compares every file with
 * .output/firefox-mv2, byte for byte; it fails, naming the files, if they differ or if one is missing.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };

const zip = join('.output', `${pkg.name}-${pkg.version}-sources.zip`);
const built = join('.output', 'firefox-mv2');

async function hashes(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (at: string) => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else
        out.set(
          relative(dir, path),
          createHash('sha256')
            .update(await readFile(path))
            .digest('hex'),
        );
    }
  };
  await walk(dir);
  return out;
}

const run = (command: string, cwd: string) => {
  const result = spawnSync(command, { shell: true, cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`"${command}" failed in ${cwd}`);
};

const work = await mkdtemp(join(tmpdir(), 'backstory-sources-'));
try {
  run(`unzip -q ${JSON.stringify(join(process.cwd(), zip))} -d ${JSON.stringify(work)}`, process.cwd());
  run('npm ci --no-audit --no-fund --loglevel=error', work);
  run('npx wxt build -b firefox', work);
  const [expected, rebuilt] = await Promise.all([hashes(built), hashes(join(work, '.output', 'firefox-mv2'))]);
  const differ = [...new Set([...expected.keys(), ...rebuilt.keys()])].filter((f) => expected.get(f) !== rebuilt.get(f));
  if (differ.length) {
    console.error(`The sources zip does not rebuild the same add-on; these files differ: ${differ.join(', ')}`);
    process.exitCode = 1;
  } else console.log(`The sources zip rebuilds the same add-on: ${expected.size} files, byte for byte.`);
} finally {
  await rm(work, { recursive: true, force: true });
}
