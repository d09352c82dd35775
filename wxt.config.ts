import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { nativeBrowserInContentScripts } from './lib/build/native-browser-in-content-scripts';
import { slimContextInContentScripts } from './lib/build/slim-context-in-content-scripts';
import { terseInjectedScripts } from './lib/build/terse-injected-scripts';

// Only what the extension needs (README, "Security and privacy", gives the reason for each): `storage` for
// settings, `scripting` to bring the panel back in Netflix tabs that were open during an install or update,
// and the netflix.com host. The page-world reader and the panel's frame page are the only web-accessible
// resources, only for netflix.com.
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Every word a viewer reads lives in components/i18n/locales (issue 16); the build turns them into _locales.
  i18n: { localesDir: 'components/i18n/locales' },
  vite: () => ({ plugins: [preact(), nativeBrowserInContentScripts(), slimContextInContentScripts(), terseInjectedScripts()] }),
  manifest: ({ manifestVersion }) => ({
    // The store name and description are translated (components/i18n/locales); package.json keeps the English.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'scripting'],
    // Never in private windows: what is watched there must not reach the on-disk cache (learned ids, progress).
    incognito: 'not_allowed',
    // Netflix's watch pages only: not plain http, not the other subdomains (jobs., help., …) (review B15).
    host_permissions: ['https://www.netflix.com/*'],
    // The page-world reader, and the panel's own page, shown in a frame on Netflix's watch page.
    web_accessible_resources:
      manifestVersion === 3
        ? [{ resources: ['netflix-page.js', 'panel.html'], matches: ['https://www.netflix.com/*'] }]
        : ['netflix-page.js', 'panel.html'],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandTogglePanel__',
      },
    },
    browser_specific_settings:
      manifestVersion === 2
        ? {
            gecko: {
              id: 'backstory@backstory.invalid',
              strict_min_version: '142.0',
              // Backstory collects nothing: declared for Firefox's data-consent prompt.
              data_collection_permissions: { required: ['none'] },
            },
          }
        : undefined,
  }),
});
