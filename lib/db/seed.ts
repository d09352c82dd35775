/**
 * Writes a validated pack into the pack stores in a single transaction: either every record of the new
 * version lands, or (quota exceeded, a crash) the previous version stays exactly as it was.
 */
import type { IDBPDatabase } from 'idb';
import { entityKey, episodeKey } from '../ids/ids';
import { episodeOrder } from '../pack/horizon';
import type { Pack } from '../pack/schema';
import { upgradePack } from '../pack/upgrade';
import { validatePack } from '../pack/validate';
import { normalizeKey } from '../text/normalize';
import { type BackstoryDB, type EntityKind, type EntityRecord, type PackRecord, siteTitles } from './schema';

const PACK_STORES = ['packs', 'shows', 'episodes', 'entities'] as const;

export async function seedPack(db: IDBPDatabase<BackstoryDB>, pack: Pack, origin: PackRecord['origin']): Promise<PackRecord> {
  const showId = pack.show.id;
  const order = episodeOrder(pack);
  const entities: EntityRecord[] = [];
  const add = (kind: EntityKind, id: string | number, value: unknown) => {
    entities.push({ key: entityKey(showId, kind, id), showId, kind, id: String(id), position: entities.length, value });
  };
  for (const s of pack.seasons) add('season', s.number, s);
  if (pack.film) add('film', pack.film.id, pack.film);
  for (const p of pack.people) add('person', p.id, p);
  for (const c of pack.characters) add('character', c.id, c);
  for (const vol of pack.volumes) add('volume', vol.number, vol);
  for (const b of pack.books) add('book', b.id, b);
  for (const a of pack.adaptations) add('adaptation', a.id, a);
  for (const n of pack.notes) add('note', n.id, n);
  for (const s of pack.sources) add('source', s.key, s);

  const record: PackRecord = {
    id: pack.id,
    version: pack.version,
    title: pack.show.title,
    origin,
    seededAt: Date.now(),
    counts: {
      episodes: pack.episodes.length,
      characters: pack.characters.length,
      people: pack.people.length,
      notes: pack.notes.length,
      volumes: pack.volumes.length,
      sources: pack.sources.length,
    },
  };

  const tx = db.transaction([...PACK_STORES], 'readwrite');
  const done = tx.done;
  // Every request is tracked so that, if one throws part-way, the others' rejections are observed too.
  const requests: Promise<unknown>[] = [];
  const track = <T>(request: Promise<T>) => {
    requests.push(request);
    return request;
  };
  try {
    const episodes = tx.objectStore('episodes');
    const entityStore = tx.objectStore('entities');
    const shows = tx.objectStore('shows');
    const stale = await track(shows.index('by-pack').getAllKeys(pack.id));
    for (const oldShow of new Set([...stale, showId])) {
      const [episodeKeys, entityKeys] = await Promise.all([
        track(episodes.index('by-show').getAllKeys(oldShow)),
        track(entityStore.index('by-show').getAllKeys(oldShow)),
      ]);
      for (const k of episodeKeys) track(episodes.delete(k));
      for (const k of entityKeys) track(entityStore.delete(k));
      track(shows.delete(oldShow));
    }
    track(
      shows.put({
        ...pack.show,
        packId: pack.id,
        titleKeys: [pack.show.title, ...pack.show.aliases].map(normalizeKey),
        siteTitles: siteTitles(pack.show.titleIds),
      }),
    );
    for (const e of pack.episodes)
      track(
        episodes.put({
          ...e,
          key: episodeKey(showId, e.id),
          showId,
          titleKey: normalizeKey(e.title),
          ordinal: order.get(e.id) ?? 0,
        }),
      );
    for (const entity of entities) track(entityStore.put(entity));
    track(tx.objectStore('packs').put(record));
    await Promise.all(requests);
  } catch (error) {
    for (const request of requests) request.catch(() => undefined);
    // Abort so that nothing of a half-written pack is committed, then report the first cause.
    try {
      tx.abort();
    } catch {
      /* already aborted by the failure */
    }
    await done.catch(() => undefined);
    throw error;
  }
  await done;
  return record;
}

export type SeedOutcome =
  | { status: 'current' | 'seeded'; pack: PackRecord }
  | { status: 'invalid'; packId: string; issues: { path: string; message: string }[] };

/**
 * Seeds each bundled pack that is missing or whose version changed. A user's imported copy is left alone, and so
 * is a pack the viewer chose to replace with an import, until a forced re-seed brings it back.
 */
export async function ensureBundledPacks(db: IDBPDatabase<BackstoryDB>, packs: unknown[], force = false): Promise<SeedOutcome[]> {
  const outcomes: SeedOutcome[] = [];
  for (const raw of packs) {
    const result = validatePack(upgradePack(raw));
    if (!result.ok) {
      outcomes.push({ status: 'invalid', packId: String((raw as { id?: unknown })?.id ?? '?'), issues: result.issues });
      continue;
    }
    const stored = await db.get('packs', result.pack.id);
    const current = stored && (stored.origin === 'imported' || stored.replacedBy || stored.version === result.pack.version);
    if (current && !force) outcomes.push({ status: 'current', pack: stored });
    else outcomes.push({ status: 'seeded', pack: await seedPack(db, result.pack, 'bundled') });
  }
  return outcomes;
}
