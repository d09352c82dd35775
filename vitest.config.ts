import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const E2E_FILES: Record<string, string[]> = {
  chromium: ['tests/e2e/*.e2e.ts'],
  firefox: ['tests/e2e/firefox/*.e2e.ts'],
  all: ['tests/e2e/**/*.e2e.ts'],
};

export default defineConfig({
  test: {
    projects: [
      {
        // Unit tests live beside the code they test.
        plugins: [WxtVitest(), preact()],
        resolve: { dedupe: ['preact'] },
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['{lib,components,entrypoints,build,tests}/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          setupFiles: ['fake-indexeddb/auto', 'tests/setup-unit.ts'],
          mockReset: true,
          restoreMocks: true,
        },
      },
      {
        // End-to-end tests drive the built extension in real browsers, one file at a time: Chromium (tests/e2e) and
        // Firefox (tests/e2e/firefox). BACKSTORY_BROWSER=chromium|firefox runs one (tests/harness/e2e.ts sets it).
        test: {
          name: 'e2e',
          environment: 'node',
          include: E2E_FILES[process.env.BACKSTORY_BROWSER ?? 'all'] ?? E2E_FILES.all,
          fileParallelism: false,
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A slow CI machine must not fail a test that is waiting for the page: how fast is `npm run bench`'s job.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
