import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { nativeBrowserInContentScripts } from './build/native-browser-in-content-scripts';
import { slimContextInContentScripts } from './build/slim-context-in-content-scripts';
import { terseInjectedScripts } from './build/terse-injected-scripts';
import { LOOKUP_ORIGINS } from './lib/lookup/origins';
import { siteOrigins as originsOf, SITE_LIST } from './lib/sites/registry';

// Every site's origins (lib/sites/registry.ts): where its page-world script and the panel's frame may load.
const siteOrigins = SITE_LIST.flatMap(originsOf);
// Required hosts: the first site's. Every later site's are optional, granted by the viewer in the options page, its
// content script registered at run time (lib/sites/site-access.ts): a new required host disables the extension on
// update for everyone who installed it before, until they accept the new warning.
const requiredOrigins = SITE_LIST.filter((site) => !site.access).flatMap(originsOf);
const optionalOrigins = [...LOOKUP_ORIGINS, ...SITE_LIST.filter((site) => site.access === 'optional').flatMap(originsOf)];
const pageScripts = SITE_LIST.flatMap((site) => (site.pageScript ? [site.pageScript.slice(1)] : []));
// What runs in the sites' pages, which the build keeps small (build/): every content script and page-world script.
// New plugins for every build: each remembers whether its build is a content script's.
const injectedBuild = () => [nativeBrowserInContentScripts(), slimContextInContentScripts(), terseInjectedScripts(pageScripts)];

// Only what the extension needs (README, "Security and privacy", gives the reason for each): `storage` for
// settings, `scripting` to bring the panel back in streaming tabs that were open during an install or update and to
// register an optional site's content script once the viewer grants its hosts, and the netflix.com host. The
// page-world readers and the panel's frame page are the only web-accessible resources, only for the sites' origins.
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
    host_permissions: requiredOrigins,
    // TVmaze and Wikidata, asked only when the viewer turns on lookups for titles without a pack (issue 17); the
    // later sites' hosts, asked when the viewer turns the site on.
    // FIREFOX: MV2 has no optional_host_permissions; its optional_permissions take host patterns.
    ...(manifestVersion === 3 ? { optional_host_permissions: optionalOrigins } : { optional_permissions: optionalOrigins }),
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
