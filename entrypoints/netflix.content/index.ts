// Netflix's content script: the site's adapter (lib/sites/netflix) run by the generic watch session (lib/watch).
// `matches` is the registry's (lib/sites/registry.ts; tests/conventions.test.ts keeps them equal).
import { defineContentScript } from '#imports';
import { netflix } from '../../lib/sites/netflix';
import { runContentScript } from '../../lib/watch/content-script';

export default defineContentScript({
  matches: ['https://www.netflix.com/*'],
  runAt: 'document_idle',
  // Nothing is styled in the site's page: the panel is an extension page in its own frame (lib/watch/panel-frame.ts).
  cssInjectionMode: 'manual',
  main: (ctx) => runContentScript(ctx, netflix),
});
