/**
 * The background's service: every query the content scripts, the panel's frame, the popup and the options page
 * make, one file per caller (lib/messaging/protocol.ts says who may call what). Each method validates its input,
 * makes sure the bundled packs are seeded, and answers from IndexedDB. It takes its dependencies as arguments so
 * that tests run it against fake-indexeddb and fake storage.
 */
import { createCore, type ServiceDeps } from './core';
import { lifecycleMethods } from './lifecycle';
import { lookupMethods } from './lookups';
import { optionsMethods } from './options';
import { panelMethods } from './panel';
import { contextAttacher } from './panel-context';
import { popupMethods } from './popup';
import { watchPageMethods } from './watch-page';

export type { From, NowWatching, ServiceDeps } from './core';
export type { CacheStats, HealthNote } from './options';

export function createBackstoryService(deps: ServiceDeps) {
  const core = createCore(deps);
  // Shared by the relay (watch-page.ts) and the frame's claim (panel.ts): which episode each tab's frame has.
  const contexts = contextAttacher(core);
  return {
    ...lifecycleMethods(core),
    ...watchPageMethods(core, contexts),
    ...panelMethods(core, contexts),
    ...popupMethods(core),
    ...optionsMethods(core),
    ...lookupMethods(core),
  };
}

export type BackstoryService = ReturnType<typeof createBackstoryService>;
