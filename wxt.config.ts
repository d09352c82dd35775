import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Only what the extension needs: `storage` for settings and the netflix.com host for the content script.
// The page-world reader is the only web-accessible resource, and only for netflix.com.
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ manifestVersion }) => ({
    name: 'Backstory',
    permissions: ['storage'],
    host_permissions: ['*://*.netflix.com/*'],
    web_accessible_resources:
      manifestVersion === 3 ? [{ resources: ['netflix-page.js'], matches: ['*://*.netflix.com/*'] }] : ['netflix-page.js'],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Show or hide the Backstory panel',
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
