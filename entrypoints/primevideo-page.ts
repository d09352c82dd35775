/**
 * Runs in Prime Video's own JavaScript world (injected by the content script): watches the page's catalog requests
 * and answers the content script's request events with what it saw (lib/sites/primevideo/catalog-hook.ts).
 */
import { defineUnlistedScript } from '#imports';
import { installCatalogHook } from '../lib/sites/primevideo/catalog-hook';

export default defineUnlistedScript(() => installCatalogHook(window));
