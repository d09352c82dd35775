import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** The module WXT's content-script entry wrapper takes its context class from, which this plugin replaces. */
export const WXT_CONTEXT_MODULE = 'wxt/utils/content-script-context';
/** What replaces it: a class with the same name and constructor, implementing lib/watch's WatchContext. */
export const SLIM_CONTEXT = join(dirname(fileURLToPath(import.meta.url)), '..', 'lib', 'watch', 'slim-context.ts');

/**
 * In builds whose input is a content script, WXT's ContentScriptContext (with its timers, animation-frame and
 * idle-callback helpers and its logger, about 1.3 KB gzip) is replaced by lib/watch/slim-context.ts, which keeps
 * the part the watch session uses (WatchContext). Why: the gzip budget of what runs in the site's page (issue 14).
 * The contract with WXT (which module, which class, which constructor) is checked by build/plugins.test.ts.
 */
export function slimContextInContentScripts(): Plugin {
  let contentScriptBuild = false;
  return {
    name: 'backstory:slim-context-in-content-scripts',
    enforce: 'pre',
    buildStart(options) {
      contentScriptBuild = JSON.stringify(options.input ?? '').includes('.content');
    },
    resolveId(id) {
      return contentScriptBuild && id === WXT_CONTEXT_MODULE ? SLIM_CONTEXT : null;
    },
  };
}
