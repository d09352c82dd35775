// Prime Video's content script: the site's adapter (lib/sites/primevideo) run by the generic watch session (lib/watch).
// Its hosts are optional: the background registers it on the registry's pages (lib/sites/registry.ts) once the
// viewer grants them, and unregisters it when they are taken back (lib/sites/site-access.ts). So no `matches` here:
// WXT would make them required host permissions.
import { defineContentScript } from '#imports';
import { primevideo } from '../../lib/sites/primevideo';
import { runContentScript } from '../../lib/watch/content-script';

export default defineContentScript({
  registration: 'runtime',
  // Nothing is styled in the site's page: the panel is an extension page in its own frame (lib/watch/panel-frame.ts).
  cssInjectionMode: 'manual',
  main: (ctx) => runContentScript(ctx, primevideo),
});
