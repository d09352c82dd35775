// The contract of each build plugin with WXT: which module it replaces, what the replacement must satisfy, and
// which builds it touches. The type checks below run with `npm run typecheck`; the rest with the unit tests. When
// one fails after a WXT update, the plugin no longer does what it says: fix the plugin, or drop it and pay the bytes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { browser as nativeBrowser } from '@wxt-dev/browser';
import type { Plugin, Rollup, UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import type { ContentScriptContext as WxtContext } from 'wxt/utils/content-script-context';
import { ContentScriptContext as SlimContext } from '../lib/watch/slim-context';
import type { WatchContext } from '../lib/watch/watch-context';
import { NATIVE_BROWSER, nativeBrowserInContentScripts, POLYFILL_BROWSER } from './native-browser-in-content-scripts';
import { SLIM_CONTEXT, slimContextInContentScripts, WXT_CONTEXT_MODULE } from './slim-context-in-content-scripts';
import { terseInjectedScripts } from './terse-injected-scripts';

const require = createRequire(import.meta.url);
/** A file of the installed WXT package (its main module is dist/index.mjs). */
const wxtFile = (path: string) => readFileSync(join(dirname(require.resolve('wxt')), '..', path), 'utf8');

// Type contracts, checked by the compiler (`npm run typecheck`), exported so that nothing calls them.
// WXT's entry wrapper runs `new ContentScriptContext(name, options)` from the module the plugin swaps: the slim
// class must take those arguments and give what the watch session uses.
const slimAsWxtBuildsIt: new (...args: ConstructorParameters<typeof WxtContext>) => WatchContext = SlimContext;
// biome-ignore lint/suspicious/noExportsInTest: these are compile-time checks, not shared code.
export const typeContracts = {
  slimAsWxtBuildsIt,
  // WXT's own class (unit tests, development builds) gives it too: lib/watch compiles against either.
  wxtAsWatchContext: (ctx: WxtContext): WatchContext => ctx,
  // The browser's own API has, with promises, every member the content script calls (lib/watch, lib/sites,
  // lib/messaging/send.ts, lib/settings): what the polyfill gave it before the swap.
  async nativeBrowserSuffices(b: typeof nativeBrowser): Promise<void> {
    const reply: unknown = await b.runtime.sendMessage({});
    const stored: Record<string, unknown> = await b.storage.sync.get(null);
    await b.storage.sync.set({});
    await b.storage.sync.remove('key');
    await b.storage.local.set({});
    const local: Record<string, unknown> = await b.storage.local.get('key');
    const listener = () => undefined;
    b.runtime.onMessage.addListener(listener);
    b.runtime.onMessage.removeListener(listener);
    b.storage.onChanged.addListener(listener);
    b.storage.onChanged.removeListener(listener);
    const url: string = b.runtime.getURL('/panel.html');
    const version: string = b.runtime.getManifest().version;
    const id: string | undefined = b.runtime.id;
    void [reply, stored, local, url, version, id];
  },
};

type PluginContext = Rollup.PluginContext;
type ResolveId = (this: PluginContext, id: string, importer?: string, options?: object) => Promise<Rollup.ResolveIdResult>;
/** Runs a plugin's build start and resolveId as Vite would, for one build whose input is `input`. */
async function resolveIn(plugin: Plugin, input: Record<string, string>, id: string) {
  const context = { resolve: async (target: string) => ({ id: `resolved:${target}` }) } as unknown as PluginContext;
  (plugin.buildStart as (this: PluginContext, options: { input: unknown }) => void).call(context, { input });
  return (plugin.resolveId as ResolveId).call(context, id, '/src/entry.ts', {});
}
const contentScript = { netflix: '/src/entrypoints/netflix.content/index.ts' };
const extensionPage = { popup: '/src/entrypoints/popup/index.html' };

describe('the slim context plugin', () => {
  it('replaces the module WXT’s content-script wrapper takes its context class from', () => {
    const wrapper = wxtFile('dist/virtual/content-script-isolated-world-entrypoint.mjs');
    expect(
      wrapper,
      `WXT's wrapper no longer imports { ContentScriptContext } from "${WXT_CONTEXT_MODULE}": the slim context is not used`,
    ).toContain(`import { ContentScriptContext } from "${WXT_CONTEXT_MODULE}"`);
    expect(wrapper, 'WXT now constructs its context differently: check the slim class’s constructor').toMatch(
      /new ContentScriptContext\([^()]*, options\)/,
    );
  });

  it('swaps it in content-script builds only', async () => {
    expect(await resolveIn(slimContextInContentScripts(), contentScript, WXT_CONTEXT_MODULE)).toBe(SLIM_CONTEXT);
    expect(await resolveIn(slimContextInContentScripts(), extensionPage, WXT_CONTEXT_MODULE)).toBeNull();
    expect(await resolveIn(slimContextInContentScripts(), contentScript, 'wxt/browser')).toBeNull();
    expect(readFileSync(SLIM_CONTEXT, 'utf8')).toContain('export class ContentScriptContext implements WatchContext');
  });
});

describe('the slim context', () => {
  it('ends when a newer copy of the script starts, and then stops its listeners', () => {
    // Constructed as WXT's wrapper does.
    const older = new typeContracts.slimAsWxtBuildsIt('netflix', {});
    let ended = 0;
    let heard = 0;
    older.onInvalidated(() => ended++);
    older.addEventListener(window, 'pagehide', () => heard++);
    window.dispatchEvent(new Event('pagehide'));
    expect([older.isValid, heard]).toEqual([true, 1]);
    const newer = new SlimContext();
    expect([older.isValid, ended, newer.isValid]).toEqual([false, 1, true]);
    window.dispatchEvent(new Event('pagehide'));
    expect(heard).toBe(1);
  });
});

describe('the native browser plugin', () => {
  it('redirects the module WXT’s polyfill aliases wxt/browser to', () => {
    const polyfillModule = readFileSync(require.resolve('@wxt-dev/webextension-polyfill'), 'utf8');
    expect(
      polyfillModule,
      `@wxt-dev/webextension-polyfill no longer aliases wxt/browser to ${POLYFILL_BROWSER}: the content script would carry the polyfill`,
    ).toMatch(new RegExp(`"wxt/browser":\\s*"${POLYFILL_BROWSER}"`));
    expect(require.resolve(NATIVE_BROWSER)).toBeTruthy();
  });

  it('swaps it in content-script builds only', async () => {
    expect(await resolveIn(nativeBrowserInContentScripts(), contentScript, POLYFILL_BROWSER)).toEqual({
      id: `resolved:${NATIVE_BROWSER}`,
    });
    expect(await resolveIn(nativeBrowserInContentScripts(), extensionPage, POLYFILL_BROWSER)).toBeNull();
  });
});

describe('the Terser plugin', () => {
  const plugin = terseInjectedScripts(['/netflix-page.js']);
  const config = (build: UserConfig['build']) =>
    (plugin.config as (config: UserConfig) => UserConfig | null)({ build }) as UserConfig | null;

  it('relies on WXT building each script alone, in library mode, with its path as the entry', () => {
    const builder = wxtFile('dist/core/builders/vite/index.mjs');
    expect(builder, 'WXT no longer builds a script in library mode with `lib: { entry, … }`').toMatch(/lib: \{\s*entry,/);
    expect(require.resolve('terser'), 'Vite minifies with Terser only when it is installed').toBeTruthy();
  });

  it('terses every content script and the registry’s page-world scripts, and nothing else', () => {
    for (const entry of ['/src/entrypoints/netflix.content/index.ts', '/src/entrypoints/netflix-page.ts'])
      expect(config({ lib: { entry } })?.build?.minify, entry).toBe('terser');
    expect(config({ lib: { entry: '/src/entrypoints/other-page.ts' } })).toBeNull();
    expect(config({ rollupOptions: { input: { popup: '/src/entrypoints/popup/index.html' } } })).toBeNull();
  });
});
