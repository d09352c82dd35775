import type { Plugin } from 'vite';

/** What WXT's polyfill module aliases `wxt/browser` to, for every build: the import this plugin redirects. */
export const POLYFILL_BROWSER = '@wxt-dev/webextension-polyfill/browser';
/** The browser's own promise-based `browser`/`chrome`, as WXT packages it. */
export const NATIVE_BROWSER = '@wxt-dev/browser';

/**
 * The content script imports `wxt/browser` like every other entry, but is built against the browser's own
 * promise-based `browser`/`chrome` object instead of webextension-polyfill.
 *
 * Why: issue 14's gzip budget for everything injected into a site's page; the polyfill alone is about
 * 3 KB of it. The content script only sends messages, answers with `sendResponse`, reads `storage` and calls
 * `getURL`/`getManifest`, all of which Chrome MV3 and Firefox provide natively with promises. Extension pages
 * (panel, popup, options, background) keep the polyfill.
 *
 * The polyfill module aliases `wxt/browser` to `@wxt-dev/webextension-polyfill/browser` for every build; this
 * plugin redirects that one import to `@wxt-dev/browser` in builds whose input is a content script. The contract
 * (the alias WXT's module sets, and the members the content script calls) is checked by build/plugins.test.ts.
 */
export function nativeBrowserInContentScripts(): Plugin {
  let contentScriptBuild = false;
  return {
    name: 'backstory:native-browser-in-content-scripts',
    enforce: 'pre',
    buildStart(options) {
      contentScriptBuild = JSON.stringify(options.input ?? '').includes('.content');
    },
    async resolveId(id, importer, options) {
      if (!contentScriptBuild || id !== POLYFILL_BROWSER) return null;
      return this.resolve(NATIVE_BROWSER, importer, { ...options, skipSelf: true });
    },
  };
}
