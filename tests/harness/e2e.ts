/**
 * `npm run test:e2e [-- --browser chromium|firefox]`: builds what the chosen browsers load (the MV3 build for
 * Chromium, the MV2 build for Firefox), makes sure each browser is installed (Debian's packages, with apt-get), and
 * runs the end-to-end suites against the imitation Netflix. Both browsers by default.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
const reportDir = mkdtempSync(join(tmpdir(), 'backstory-e2e-'));
const report = join(reportDir, 'report.json');
const result = spawnSync(`npx vitest run --project e2e --reporter=default --reporter=json --outputFile.json=${report}`, {
  shell: true,
  stdio: 'inherit',
  env: { ...process.env, BACKSTORY_BROWSER: chosen },
});
if (result.status !== 0) process.exit(result.status ?? 1);
// A suite that could not run must fail, never pass by skipping: every test of every chosen browser ran and passed.
const summary = JSON.parse(readFileSync(report, 'utf8')) as {
  numTotalTests: number;
  numPassedTests: number;
  testResults: { name: string; assertionResults: { status: string }[] }[];
};
rmSync(reportDir, { recursive: true, force: true });
const problems: string[] = [];
if (summary.numPassedTests !== summary.numTotalTests)
  problems.push(`${summary.numTotalTests - summary.numPassedTests} of ${summary.numTotalTests} tests did not run or pass`);
if (chosen !== 'chromium' && !summary.testResults.some((f) => f.name.includes('/e2e/firefox/') && f.assertionResults.length > 0))
  problems.push('the Firefox suite did not run');
if (chosen !== 'firefox' && !summary.testResults.some((f) => !f.name.includes('/e2e/firefox/') && f.assertionResults.length > 0))
  problems.push('the Chromium suite did not run');
if (problems.length > 0) {
  console.error(`End-to-end tests failed: ${problems.join('; ')}.`);
  process.exit(1);
}
