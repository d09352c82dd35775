/**
 * Starts Debian's Firefox ESR headless, driven by puppeteer-core over WebDriver BiDi (stock Firefox, no patched
 * build), with the built Firefox extension (.output/firefox-mv2) installed as a temporary add-on. www.netflix.com
 * reaches the imitation through a loopback CONNECT proxy (loopback-proxy.ts); nothing else is reachable.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { type LoopbackProxy, startLoopbackProxy } from './loopback-proxy';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv2');
/** The add-on's id (wxt.config.ts, browser_specific_settings) and the internal UUID its pages get here. */
const ADDON_ID = 'backstory@backstory.invalid';
const ADDON_UUID = '8f0c2a4e-6b1d-4c3a-9e57-2d4b6a8c0e11';

export function findFirefox(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr'];
  const found = candidates.find((c) => c && existsSync(c));
  if (!found) throw new Error('No Firefox found: run tests/harness/ensure-browser.sh firefox, or set FIREFOX_PATH.');
  return found;
}

export interface FirefoxWithExtension {
  browser: Browser;
  proxy: LoopbackProxy;
  /** moz-extension://<uuid>, the origin of the extension's pages. */
  extensionOrigin: string;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(options: { port: number }): Promise<FirefoxWithExtension> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json')))
    throw new Error(`No Firefox build in ${FIREFOX_EXTENSION_DIR}: run npm run build:firefox first.`);
  const proxy = await startLoopbackProxy(options.port);
  const profile = await mkdtemp(join(tmpdir(), 'backstory-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    userDataDir: profile,
    // The imitation's certificate is made per run: accepted here, and only here.
    acceptInsecureCerts: true,
    defaultViewport: { width: 1280, height: 720 },
    extraPrefsFirefox: {
      // Every request goes through the loopback proxy, which only lets www.netflix.com through to the imitation.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'network.dns.disablePrefetch': true,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.update.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      // Optional permissions granted without a prompt (Firefox's own testing switch): headless shows no prompt.
      'extensions.webextOptionalPermissionPrompts': false,
      // A fixed UUID for the add-on, so that its pages have a known address (moz-extension://<uuid>/).
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    },
  });
  const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (id !== ADDON_ID) throw new Error(`installed ${id}, expected ${ADDON_ID}`);
  return {
    browser,
    proxy,
    extensionOrigin: `moz-extension://${ADDON_UUID}`,
    async close() {
      await browser.close().catch(() => undefined);
      await proxy.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
