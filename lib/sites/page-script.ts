/**
 * Puts a site's page-world reader (a web-accessible extension script) into the page, as WXT's injectScript does
 * (by URL in MV3; its text in MV2, where Firefox would not load an extension URL under the page's policy), without
 * the options Backstory does not use. Once per document. Settles, never rejects: a page that blocks it leaves
 * identification to the other signals.
 */
import { browser } from 'wxt/browser';

let injected: Promise<void> | undefined;

export function injectPageScript(path: string): Promise<void> {
  injected ??= inject(path);
  return injected;
}

async function inject(path: string): Promise<void> {
  const url = browser.runtime.getURL(path as '/');
  const script = document.createElement('script');
  const loaded = new Promise<void>((resolve) => {
    script.onload = script.onerror = () => resolve();
  });
  const inline = browser.runtime.getManifest().manifest_version === 2;
  try {
    if (inline) script.text = await (await fetch(url)).text();
    else script.src = url;
  } catch {
    return;
  }
  (document.head ?? document.documentElement).append(script);
  script.remove();
  if (!inline) await loaded;
}
