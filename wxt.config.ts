import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { nativeBrowserInContentScripts } from './build/native-browser-in-content-scripts';
import { slimContextInContentScripts } from './build/slim-context-in-content-scripts';
import { terseInjectedScripts } from './build/terse-injected-scripts';
import { LOOKUP_ORIGINS } from './lib/lookup/origins';
import { SITE_LIST } from './lib/sites/registry';

// Every site's pages (lib/sites/registry.ts): its host permission, and where its page-world script may load.
const siteMatches = SITE_LIST.flatMap((site) => site.matches);
// A host permission and a web-accessible resource's `matches` name whole origins (Chromium refuses a path in the
// latter, and ignores it in the former): a site whose pages are a path of a host (Amazon's /gp/video/) gets the host.
const siteOrigins = [...new Set(siteMatches.map((m) => m.replace(/^(https?:\/\/[^/]+)\/.*$/, '$1/*')))];
const pageScripts = SITE_LIST.flatMap((site) => (site.pageScript ? [site.pageScript.slice(1)] : []));
// What runs in the sites' pages, which the build keeps small (build/): every content script and page-world script.
// New plugins for every build: each remembers whether its build is a content script's.
const injectedBuild = () => [nativeBrowserInContentScripts(), slimContextInContentScripts(), terseInjectedScripts(pageScripts)];

// Only what the extension needs (README, "Security and privacy", gives the reason for each): `storage` for
// settings, `scripting` to bring the panel back in Netflix tabs that were open during an install or update,
// and the netflix.com host. The page-world reader and the panel's frame page are the only web-accessible
// resources, only for netflix.com.
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Every word a viewer reads lives in components/i18n/locales (issue 16); the build turns them into _locales.
  i18n: { localesDir: 'components/i18n/locales' },
  // Firefox's sources zip holds what rebuilds the add-on (npm run check:sources-zip does) and nothing else: never the
  // demo's screenshots, the README's pictures or a folder the developer left lying around.
  zip: {
    includeSources: [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
      'entrypoints/**',
      'components/**',
      'lib/**',
      'public/**',
      'build/**',
      'data/**',
    ],
  },
  vite: () => ({ plugins: [preact(), ...injectedBuild()] }),
  manifest: ({ manifestVersion }) => ({
    // The store name and description are translated (components/i18n/locales); package.json keeps the English.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'scripting'],
    // Never in private windows: what is watched there must not reach the on-disk cache (learned ids, progress).
    incognito: 'not_allowed',
    // Each site's pages only (Netflix: www. over https, not the other subdomains: review B15).
    host_permissions: siteOrigins,
    // TVmaze and Wikidata, asked only when the viewer turns on lookups for titles without a pack (issue 17).
    // FIREFOX: MV2 has no optional_host_permissions; its optional_permissions take host patterns.
    ...(manifestVersion === 3 ? { optional_host_permissions: LOOKUP_ORIGINS } : { optional_permissions: LOOKUP_ORIGINS }),
    // The page-world reader, and the panel's own page, shown in a frame on Netflix's watch page.
    web_accessible_resources:
      manifestVersion === 3
        ? [{ resources: [...pageScripts, 'panel.html'], matches: siteOrigins }]
        : [...pageScripts, 'panel.html'],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandTogglePanel__',
      },
    },
    browser_specific_settings:
      manifestVersion === 2
        ? {
            // Firefox reads data_collection_permissions (Backstory collects nothing: declared for its data-consent
            // prompt) from 140 on desktop and 142 on Android (Extension Workshop, "Firefox built-in consent for data
            // collection and transmission"): 140 is the ESR Debian 12 installs. FIREFOX_MIN in tests/harness/firefox.ts
            // reads this minimum.
            gecko: {
              id: 'backstory@backstory.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          }
        : undefined,
  }),
});
