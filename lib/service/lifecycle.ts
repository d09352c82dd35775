/** The background's own calls: start-up seeding and reading progress arriving through sync. */
import type { Core } from './core';
import { pullReadVolumes } from './read-volume-sync';

export function lifecycleMethods({ ready, seedOutcomes, deps }: Core) {
  return {
    /** Seeds the bundled packs now (on install and on startup) rather than on the first query. */
    async warmUp() {
      await ready();
      return seedOutcomes();
    },

    /**
     * Reading progress that arrived through sync (from another browser, or our own write coming back). With the
     * times it was set, an older synced value does not overwrite a newer local one.
     */
    async applySyncedReadVolumes(volumes: Record<string, number>, setAt?: Record<string, number>) {
      if (await pullReadVolumes(await ready(), volumes, setAt)) await deps.dataChanged();
    },
  };
}
