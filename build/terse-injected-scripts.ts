import type { Plugin, UserConfig } from 'vite';

/**
 * Minifies the scripts that run in a site's page (each site's content script, `entrypoints/<site>.content/`, and
 * its page-world reader, the registry's `pageScript`) with Terser, three passes and top-level mangling: about 4%
 * smaller gzipped than Vite's default minifier, for the budget of what Backstory injects (README, "Performance").
 * Extension pages keep the default, which is several times faster to build. WXT builds each of those scripts
 * alone, in library mode (`build.lib.entry`); build/plugins.test.ts checks that contract.
 *
 * `pageScripts`: the page-world scripts' names, as the registry lists them ("/netflix-page.js").
 */
export function terseInjectedScripts(pageScripts: readonly string[]): Plugin {
  const names = pageScripts.map((path) => path.replace(/^\//, '').replace(/\.js$/, ''));
  const injected = (entry: string) =>
    /\.content[/\\.]/.test(entry) || names.some((name) => new RegExp(`[/\\\\]${name}\\.[jt]s$`).test(entry));
  return {
    name: 'backstory:terse-injected-scripts',
    config(config: UserConfig) {
      const entry = config.build?.lib ? config.build.lib.entry : undefined;
      const entries = typeof entry === 'string' ? [entry] : Object.values(entry ?? {});
      if (!entries.some(injected)) return null;
      return {
        build: {
          minify: 'terser',
          terserOptions: {
            ecma: 2020,
            toplevel: true,
            compress: { passes: 3, pure_getters: true },
            format: { comments: false },
          },
        },
      };
    },
  };
}
