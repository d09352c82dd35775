// The spoiler walk on the reading axis: a reader who has read the comic up to each volume, at the premiere, and at
// the start of every later season with the volumes around what the seasons before it adapted (and all of them),
// sees nothing whose horizon they have not reached on either axis. "Ahead" is derived from the data (tests/support/later-material.ts), as in the watching
// walk (spoiler-walk.test.ts); a comic-only spoiler must wait for its volume, whatever was watched.
import { describe, expect, it } from 'vitest';
import { laterMaterial } from '../../tests/support/later-material';
import { openBackstoryDb } from '../db/schema';
import { seedPack } from '../db/seed';
import { loadShowData } from '../db/show-data';
import { bundledPacks } from '../pack/bundled';
import { isVisible, type ViewerHorizon } from '../pack/horizon';
import type { Pack } from '../pack/schema';
import { validatePack } from '../pack/validate';
import { entityDetail, showDocuments } from './catalog';
import { episodeContext } from './context';

/** Packs walked on the reading axis; the others are walked on the watching axis only, until their data allows it. */
const READING_WALKED = ['invincible'];

const packs = bundledPacks
  .filter((raw) => READING_WALKED.includes((raw as Pack).id))
  .map((raw) => {
    const result = validatePack(raw);
    if (!result.ok) throw new Error(`a bundled pack does not validate: ${JSON.stringify(result.issues.slice(0, 3))}`);
    return result.pack;
  });

async function leaksFor(pack: Pack, db: Awaited<ReturnType<typeof openBackstoryDb>>, episodeId: string, viewer: ViewerHorizon) {
  const data = await loadShowData(db, pack.show.id);
  if (!data) throw new Error('not seeded');
  const seen: unknown[] = [await episodeContext(db, pack.show.id, episodeId, viewer)];
  const docs = showDocuments(data, viewer).filter((d) => !d.hidden);
  seen.push(docs);
  for (const doc of docs) seen.push(await entityDetail(db, doc.kind, doc.showId, doc.entityId, viewer));
  const text = JSON.stringify(seen);
  const shown = new Set(
    [...pack.notes, ...pack.adaptations.map((a) => ({ ...a, text: a.note }))]
      .filter((r) => isVisible(r.horizon, viewer, data.order))
      .map((r) => r.text),
  );
  // A character a reader has met in the comics (readFrom) may be named to them before the show lists them.
  const known = new Set(pack.characters.filter((c) => c.readFrom !== undefined && c.readFrom <= viewer.volume).map((c) => c.id));
  const knownToReader = (what: string) => [...known].some((id) => what.startsWith(`character ${id} `));
  return laterMaterial(pack, viewer, data.order)
    .filter(([what]) => !knownToReader(what))
    .filter(([, material]) => !shown.has(material) && text.includes(JSON.stringify(material).slice(1, -1)))
    .map(([what, material]) => `at ${episodeId} with volume ${viewer.volume} read: ${what} is visible: "${material}"`);
}

describe.each(packs.map((p) => [p.id, p] as const))('the reading walk through %s', (_id, pack) => {
  it('shows a reader nothing past the volume they read, at the premiere and at each season’s start', {
    timeout: 400_000,
  }, async () => {
    const db = await openBackstoryDb();
    await seedPack(db, pack, 'bundled');
    const data = await loadShowData(db, pack.show.id);
    if (!data) throw new Error('not seeded');
    const last = Math.max(...pack.volumes.map((v) => v.number));
    const readings = (season: number) => {
      if (season === 1) return [0, ...pack.volumes.map((v) => v.number)];
      const before = Math.max(0, ...pack.seasons.filter((s) => s.number < season).flatMap((s) => s.volumes));
      return [before - 1, before, before + 1, last].filter((n) => n >= 0);
    };
    const leaks: string[] = [];
    for (const episode of data.episodes.filter((e) => e.number === 1))
      for (const vol of readings(episode.season))
        leaks.push(
          ...(await leaksFor(pack, db, episode.id, {
            episodeOrdinal: episode.ordinal,
            watchedOrdinal: episode.ordinal - 1,
            volume: vol,
          })),
        );
    db.close();
    expect(leaks, 'each line is shown to a reader before its horizon: fix its horizon in data/').toEqual([]);
  });

  it('would catch a leak: a comic-only note copied into a first-episode summary is reported', { timeout: 60_000 }, async () => {
    const leaky = structuredClone(pack);
    const late = leaky.notes.find((n) => n.horizon.episode === undefined && (n.horizon.volume ?? 0) > 1);
    const first = leaky.episodes[0];
    const summary = leaky.characters.find((c) => c.listedFrom === first?.id)?.summaries[0];
    if (!late || !summary || !first) throw new Error('pack too small for this check');
    summary.text = `${summary.text} ${late.text}`;
    const db = await openBackstoryDb();
    await seedPack(db, leaky, 'bundled');
    const leaks = await leaksFor(leaky, db, first.id, { episodeOrdinal: 1, watchedOrdinal: 0, volume: 1 });
    db.close();
    expect(leaks).toContain(`at ${first.id} with volume 1 read: note ${late.id} is visible: "${late.text}"`);
  });
});
