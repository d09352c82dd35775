/**
 * `npm run test:e2e [-- --browser chromium|firefox]`: builds what the chosen browsers load (the MV3 build for
 * Chromium, the MV2 build for Firefox), makes sure each browser is installed (Debian's packages, with apt-get), and
 * runs the end-to-end suites against the imitation Netflix. Both browsers by default.
 */
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const at = args.findIndex((a) => a === '--browser' || a.startsWith('--browser='));
const chosen = at < 0 ? 'all' : args[at]?.includes('=') ? args[at]?.split('=')[1] : args[at + 1];
if (!chosen || !['all', 'chromium', 'firefox'].includes(chosen)) {
  console.error('--browser: chromium, firefox or all');
  process.exit(2);
}

const run = (command: string, env: NodeJS.ProcessEnv = process.env) => {
  const result = spawnSync(command, { shell: true, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (chosen !== 'firefox') run('sh tests/harness/ensure-browser.sh chromium');
if (chosen !== 'chromium') {
  run('sh tests/harness/ensure-browser.sh firefox');
  run('npx wxt build -b firefox');
}
// The Chromium build last: the demo, the bench and a later `npm run test:e2e` expect it in .output/chrome-mv3.
if (chosen !== 'firefox') run('npx wxt build');
run('npx vitest run --project e2e', { ...process.env, BACKSTORY_BROWSER: chosen });
