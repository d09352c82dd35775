/** The same headless Chromium with no extension at all, reaching the same imitation site: the bench's baseline. */
import { type Browser, chromium, type Page } from 'playwright-core';
import { findChromium } from '../browser';

export async function launchBaseline(port: number): Promise<{ browser: Browser; newPage(): Promise<Page> }> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--ignore-certificate-errors',
      `--host-resolver-rules=MAP *.netflix.com 127.0.0.1:${port}, MAP * ~NOTFOUND`,
    ],
  });
  return {
    browser,
    newPage: async () =>
      (await browser.newContext({ viewport: { width: 1280, height: 720 }, ignoreHTTPSErrors: true })).newPage(),
  };
}
