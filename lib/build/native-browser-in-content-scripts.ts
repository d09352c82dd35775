import type { Plugin } from 'vite';

/**
 * The content script imports `wxt/browser` like every other entry, but is built against the browser's own
 * promise-based `browser`/`chrome` object instead of webextension-polyfill.
 *
 * Why: issue 14's budget is 10 KB gzip for everything injected into netflix.com, and the polyfill alone is about
 * 3 KB of it. The content script only sends messages, answers with `sendResponse`, reads `storage` and calls
 * `getURL`/`getManifest`, all of which Chrome MV3 and Firefox provide natively with promises. Extension pages
 * (panel, popup, options, background) keep the polyfill.
 *
 * The polyfill module aliases `wxt/browser` to `@wxt-dev/webextension-polyfill/browser` for every build; this
 * plugin redirects that one import to `@wxt-dev/browser` in builds whose input is a content script.
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
      if (!contentScriptBuild || id !== '@wxt-dev/webextension-polyfill/browser') return null;
      return this.resolve('@wxt-dev/browser', importer, { ...options, skipSelf: true });
    },
  };
}
