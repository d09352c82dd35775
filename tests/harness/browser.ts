/**
 * Starts Chromium with the built extension loaded and every host but the fixture server unreachable:
 * www.netflix.com resolves to the local fixture server and `MAP * ~NOTFOUND` stops anything else leaving the machine.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { PRIME_HOSTS } from './fixture-server';
import { PROVIDER_HOSTS } from './provider-imitation';

/** BACKSTORY_EXTENSION_DIR: another build, for the bench to measure a before and an after on the same machine. */
export const EXTENSION_DIR = resolve(process.env.BACKSTORY_EXTENSION_DIR ?? '.output/chrome-mv3');

const CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome-for-testing',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    [
      'No Chromium found. Install one and try again:',
      '  Debian/Ubuntu: sudo apt-get install -y chromium',
      '  or point CHROMIUM_PATH at a Chromium or Chrome for Testing binary.',
      '(Branded Google Chrome ignores --load-extension since version 137, so it cannot run the demo.)',
    ].join('\n'),
  );
}

export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** The profile's folder: every process of this browser names it (the bench finds the extension's process by it). */
  userDataDir: string;
  close(): Promise<void>;
}

export async function launchWithExtension(options: {
  port: number;
  headless?: boolean;
  viewport?: { width: number; height: number };
  /** The browser's language ("de", "pt-BR"): Chromium picks the extension's messages from it. */
  locale?: string;
}): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`No built extension in ${EXTENSION_DIR}: run npm run build first.`);
  const userDataDir = await mkdtemp(join(tmpdir(), 'backstory-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1280, height: 720 },
    // The imitation's certificate is made per run: accepted here, and only here (nothing else is reachable).
    ignoreHTTPSErrors: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      '--ignore-certificate-errors',
      // The imitation Netflix and Prime Video, and the imitation TVmaze and Wikidata (issue 17), all on the fixture server.
      `--host-resolver-rules=${['*.netflix.com', ...PRIME_HOSTS, ...PROVIDER_HOSTS].map((h) => `MAP ${h} 127.0.0.1:${options.port}`).join(', ')}, MAP * ~NOTFOUND`,
      // Measured: on Linux this flag, not the LANGUAGE variable, sets the locale of an extension's messages.
      ...(options.locale ? [`--lang=${options.locale}`] : []),
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    serviceWorker,
    extensionId,
    userDataDir,
    async close() {
      await context.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

/**
 * Follows the extension's service worker through DevTools: `stop()` stops it as the browser does after 30 s idle
 * and waits until it has stopped; `statuses` keeps every running status seen until `detach()`.
 */
export async function watchServiceWorker(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const statuses: string[] = [];
  let onStopped = () => {};
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    statuses.push(...versions.map((v) => v.runningStatus));
    if (versions.some((v) => v.runningStatus === 'stopped')) onStopped();
  });
  await cdp.send('ServiceWorker.enable');
  return {
    statuses,
    async stop() {
      const stopped = new Promise<void>((resolve) => {
        onStopped = resolve;
      });
      await cdp.send('ServiceWorker.stopAllWorkers');
      await stopped;
    },
    detach: () => cdp.detach(),
  };
}
