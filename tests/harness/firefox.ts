/**
 * Starts Debian's Firefox ESR headless, driven by puppeteer-core over WebDriver BiDi (stock Firefox, no patched
 * build), with the built Firefox extension (.output/firefox-mv2) installed as a temporary add-on. www.netflix.com
 * reaches the imitation through a loopback CONNECT proxy (loopback-proxy.ts); nothing else is reachable.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

/**
 * Refuses, with the reason, a Firefox older than the add-on's minimum (the built manifest's strict_min_version):
 * Firefox would only say "not compatible with application version" while installing it.
 */
export function checkFirefoxVersion(binary: string): string {
  const output = execFileSync(binary, ['--version'], { encoding: 'utf8', timeout: 30_000 }).trim();
  const version = /(\d+)\.(\d+)/.exec(output);
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const minimum: string = manifest.browser_specific_settings?.gecko?.strict_min_version ?? '0';
  const [major = 0, minor = 0] = minimum.split('.').map(Number);
  if (!version) throw new Error(`${binary} --version said "${output}": not a Firefox version.`);
  const [have, haveMinor] = [Number(version[1]), Number(version[2])];
  if (have < major || (have === major && haveMinor < minor))
    throw new Error(
      `${binary} is ${output}, older than the add-on's minimum, Firefox ${minimum} (wxt.config.ts): the Firefox suite ` +
        'cannot run. Install a newer firefox-esr, or set FIREFOX_PATH to one.',
    );
  return output;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** What the binary's --version said, e.g. "Mozilla Firefox 140.12.0esr". */
  version: string;
  proxy: LoopbackProxy;
  /** moz-extension://<uuid>, the origin of the extension's pages. */
  extensionOrigin: string;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(options: { port: number }): Promise<FirefoxWithExtension> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json')))
    throw new Error(`No Firefox build in ${FIREFOX_EXTENSION_DIR}: run npm run build:firefox first.`);
  const executablePath = findFirefox();
  const version = checkFirefoxVersion(executablePath);
  const proxy = await startLoopbackProxy(options.port);
  const profile = await mkdtemp(join(tmpdir(), 'backstory-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
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
    version,
    proxy,
    extensionOrigin: `moz-extension://${ADDON_UUID}`,
    async close() {
      await browser.close().catch(() => undefined);
      await proxy.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
