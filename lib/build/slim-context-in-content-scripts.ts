import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * In builds whose input is a content script, WXT's ContentScriptContext (with its timers, animation-frame and
 * idle-callback helpers and its logger, about 1.3 KB gzip) is replaced by lib/build/slim-content-script-context.ts,
 * which keeps the part Backstory uses. Why: the 10 KB gzip budget of what runs in netflix.com's page (issue 14).
 */
export function slimContextInContentScripts(): Plugin {
  let contentScriptBuild = false;
  const slim = fileURLToPath(new URL('./slim-content-script-context.ts', import.meta.url));
  return {
    name: 'backstory:slim-context-in-content-scripts',
    enforce: 'pre',
    buildStart(options) {
      contentScriptBuild = JSON.stringify(options.input ?? '').includes('.content');
    },
    resolveId(id) {
      return contentScriptBuild && id === 'wxt/utils/content-script-context' ? slim : null;
    },
  };
}
