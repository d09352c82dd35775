/** What the options page asks: the shows, the cache's state, and the data tools (export, import, reset, repair). */
import type { DbHealth } from '../db/connection';
import { siteTitles } from '../db/schema';
import { seedPack } from '../db/seed';
import { episodeCode } from '../db/show-data';
import { clearLearned, exportUserData, importUserData, resetProgress } from '../db/user-data';
import { episodeKey } from '../ids/ids';
import { upgradePack } from '../pack/upgrade';
import { validatePack } from '../pack/validate';
import type { Core } from './core';
import { localReadVolumes } from './read-volume-sync';

export type HealthNote = { kind: 'repaired'; stores: string[]; at: number } | { kind: 'blocked' };

export interface CacheStats {
  packs: { id: string; title: string; version: string; origin: string; seededAt: number; counts: Record<string, number> }[];
  learned: number;
  corrections: number;
  progress: { showId: string; showTitle: string; furthest: string | null; readVolume: number }[];
  seedProblems: { packId: string; issues: { path: string; message: string }[] }[];
  /** The database's health, as data the options page words: a repair (which stores, when), a blocked upgrade. */
  health: HealthNote[];
}

export function optionsMethods({ ready, saveReadVolumes, seedOutcomes, reseed, deps }: Core) {
  return {
    async listShows() {
      const db = await ready();
      const shows = await db.getAll('shows');
      return Promise.all(
        shows.map(async (s) => ({
          id: s.id,
          title: s.title,
          volumes: await db.countFromIndex('entities', 'by-show-kind', [s.id, 'volume']),
        })),
      );
    },

    async getStats(): Promise<CacheStats> {
      const db = await ready();
      const outcomes = await seedOutcomes();
      const [packs, learned, corrections, progress, shows] = await Promise.all([
        db.getAll('packs'),
        db.count('learned'),
        db.count('corrections'),
        db.getAll('progress'),
        db.getAll('shows'),
      ]);
      const titles = new Map(shows.map((s) => [s.id, s.title]));
      return {
        packs,
        learned,
        corrections,
        progress: await Promise.all(
          progress.map(async (p) => {
            const e = p.furthestEpisodeId ? await db.get('episodes', episodeKey(p.showId, p.furthestEpisodeId)) : undefined;
            return {
              showId: p.showId,
              showTitle: titles.get(p.showId) ?? p.showId,
              furthest: e ? `${episodeCode(e)} ${e.title}` : null,
              readVolume: p.readVolume,
            };
          }),
        ),
        seedProblems: outcomes.flatMap((o) => (o.status === 'invalid' ? [{ packId: o.packId, issues: o.issues }] : [])),
        health: healthNotes(deps.dbHealth?.() ?? {}),
      };
    },

    async reseed() {
      const outcomes = await reseed();
      await deps.dataChanged();
      return outcomes;
    },

    async clearLearned() {
      await clearLearned(await ready());
      await deps.dataChanged();
    },

    async resetProgress() {
      await resetProgress(await ready());
      await saveReadVolumes({}, true);
      await deps.dataChanged();
    },

    async exportUserData() {
      return exportUserData(await ready());
    },

    async importUserData(data: unknown) {
      const db = await ready();
      const result = await importUserData(db, data);
      if (result.ok) {
        await saveReadVolumes(await localReadVolumes(db), true);
        await deps.dataChanged();
      }
      return result;
    },

    /**
     * Validates and seeds a pack file chosen by the viewer; on any problem nothing changes. One whose show (by id
     * or its id on a site) belongs to another pack is refused, saying which, unless the viewer confirmed the
     * replacement (`{ pack, replace: true }`); the replaced pack is then kept from coming back at start-up until
     * the viewer re-seeds the bundled data (review B11).
     */
    async importPack(data: unknown) {
      const replacing = isReplacement(data);
      const result = validatePack(upgradePack(replacing ? data.pack : data));
      if (!result.ok) return result;
      const db = await ready();
      const { show } = result.pack;
      const sameTitle = await Promise.all(siteTitles(show.titleIds).map((key) => db.getFromIndex('shows', 'by-site-title', key)));
      const owner = [await db.get('shows', show.id), ...sameTitle].find((s) => s && s.packId !== result.pack.id);
      if (owner && !replacing)
        return {
          ok: false as const,
          replaces: { packId: owner.packId, showTitle: owner.title },
          issues: [{ path: 'show', message: `This pack would replace “${owner.title}” from the pack “${owner.packId}”.` }],
        };
      if (owner) {
        const previous = await db.get('packs', owner.packId);
        if (previous) await db.put('packs', { ...previous, replacedBy: result.pack.id });
      }
      const record = await seedPack(db, result.pack, 'imported');
      await deps.dataChanged();
      return { ok: true as const, pack: record };
    },
  };
}

function isReplacement(data: unknown): data is { pack: unknown; replace: true } {
  return typeof data === 'object' && data !== null && (data as { replace?: unknown }).replace === true && 'pack' in data;
}

function healthNotes(health: DbHealth): HealthNote[] {
  const notes: HealthNote[] = [];
  if (health.repair) notes.push({ kind: 'repaired', stores: health.repair.recreated, at: health.repair.at });
  if (health.blockedSince) notes.push({ kind: 'blocked' });
  return notes;
}
