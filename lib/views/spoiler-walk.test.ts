// The spoiler walk: a first-time viewer who has read nothing watches from S1E1 to the film. At every step, all
// that the panel and the popup could show them (every view, every detail, every text, link and address) is
// collected, and nothing whose own horizon is still ahead may be in it. "Ahead" is derived from the data: a
// note's text, a stage of a summary, an arc, a synopsis, a source's address, a character not yet listed.
import { describe, expect, it } from 'vitest';
import { laterMaterial } from '../../tests/support/later-material';
import { openBackstoryDb } from '../db/schema';
import { seedPack } from '../db/seed';
import { loadShowData } from '../db/show-data';
import { bundledPacks } from '../pack/bundled';
import { isVisible, viewerHorizon } from '../pack/horizon';
import type { Pack } from '../pack/schema';
import { validatePack } from '../pack/validate';
import { entityDetail, showDocuments } from './catalog';
import { episodeContext } from './context';

const DOC_FIELDS = ['entityId', 'facts', 'hidden', 'id', 'keywords', 'kind', 'showId', 'showTitle', 'subtitle', 'title'];

const packs = bundledPacks.map((raw) => {
  const result = validatePack(raw);
  if (!result.ok) throw new Error(`a bundled pack does not validate: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return result.pack;
});

/** What a viewer playing `episodeId` (all before it watched, nothing read) could see that is still ahead of them. */
async function leaksAt(pack: Pack, db: Awaited<ReturnType<typeof openBackstoryDb>>, episodeId: string, ordinal: number) {
  const data = await loadShowData(db, pack.show.id);
  if (!data) throw new Error('not seeded');
  const viewer = viewerHorizon('current', ordinal, ordinal - 1, 0);
  const seen: unknown[] = [];
  if (episodeId !== pack.film?.id) seen.push(await episodeContext(db, pack.show.id, episodeId, viewer));
  // A held-back match is searchable but never shown: the popup says only "1 match hidden … (season 3)" unless the
  // viewer asks. It carries nothing but the names and where they start (checked below), so it is left out here.
  const all = showDocuments(data, viewer);
  for (const doc of all.filter((d) => d.hidden)) expect(Object.keys(doc).sort()).toEqual(DOC_FIELDS);
  const docs = all.filter((d) => !d.hidden);
  seen.push(docs);
  for (const doc of docs) seen.push(await entityDetail(db, doc.kind, doc.showId, doc.entityId, viewer));
  const text = JSON.stringify(seen);
  // Two records can share a text (the same chapter line on several episodes): one already shown is not a leak.
  const shown = new Set(
    [...pack.notes, ...pack.adaptations.map((a) => ({ ...a, text: a.note }))]
      .filter((r) => isVisible(r.horizon, viewer, data.order))
      .map((r) => r.text),
  );
  return laterMaterial(pack, viewer, data.order)
    .filter(([, material]) => !shown.has(material) && text.includes(JSON.stringify(material).slice(1, -1)))
    .map(([what, material]) => `at ${episodeId}: ${what} is visible: "${material}"`);
}

describe.each(packs.map((p) => [p.id, p] as const))('the spoiler walk through %s', (_id, pack) => {
  it('shows nothing ahead of a first-time viewer at any step, from the first episode to the film', {
    timeout: 120_000,
  }, async () => {
    const db = await openBackstoryDb();
    await seedPack(db, pack, 'bundled');
    const data = await loadShowData(db, pack.show.id);
    const leaks: string[] = [];
    for (const [episodeId, ordinal] of [...(data?.order ?? [])].sort((a, b) => a[1] - b[1]))
      leaks.push(...(await leaksAt(pack, db, episodeId, ordinal)));
    db.close();
    expect(leaks, 'each line is a fact shown before its horizon: fix its horizon in data/, or what the view shows').toEqual([]);
  });

  it('would catch a leak: a later note copied into a first-episode summary is reported', async () => {
    const leaky = structuredClone(pack);
    const first = leaky.episodes[0];
    const late = leaky.notes.find((n) => n.horizon.episode && n.horizon.episode !== first?.id && !n.horizon.at);
    const summary = leaky.characters.find((c) => c.listedFrom === first?.id)?.summaries[0];
    if (!late || !summary || !first) throw new Error('pack too small for this check');
    summary.text = `${summary.text} ${late.text}`;
    const db = await openBackstoryDb();
    await seedPack(db, leaky, 'bundled');
    expect(await leaksAt(leaky, db, first.id, 1)).toContain(`at ${first.id}: note ${late.id} is visible: "${late.text}"`);
    db.close();
  });
});
