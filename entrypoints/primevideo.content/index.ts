// Prime Video's content script: the site's adapter (lib/sites/primevideo) run by the generic watch session (lib/watch).
// `matches` is the registry's (lib/sites/registry.ts; tests/conventions.test.ts keeps them equal).
import { defineContentScript } from '#imports';
import { primevideo } from '../../lib/sites/primevideo';
import { runContentScript } from '../../lib/watch/content-script';

export default defineContentScript({
  matches: [
    'https://www.primevideo.com/*',
    'https://www.amazon.com/gp/video/*',
    'https://www.amazon.com/-/*/gp/video/*',
    'https://www.amazon.co.uk/gp/video/*',
    'https://www.amazon.co.uk/-/*/gp/video/*',
    'https://www.amazon.de/gp/video/*',
    'https://www.amazon.de/-/*/gp/video/*',
    'https://www.amazon.co.jp/gp/video/*',
    'https://www.amazon.co.jp/-/*/gp/video/*',
  ],
  runAt: 'document_idle',
  // Nothing is styled in the site's page: the panel is an extension page in its own frame (lib/watch/panel-frame.ts).
  cssInjectionMode: 'manual',
  main: (ctx) => runContentScript(ctx, primevideo),
});
