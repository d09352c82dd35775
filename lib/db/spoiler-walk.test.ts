// The spoiler walk: a first-time viewer who has read nothing watches from S1E1 to the film. At every step, all
// that the panel and the popup could show them (every view, every detail, every text, link and address) is
// collected, and nothing whose own horizon is still ahead may be in it. "Ahead" is derived from the data: a
// note's text, a stage of a summary, an arc, a synopsis, a source's address, a character not yet listed.
import { describe, expect, it } from 'vitest';
import { bundledPacks } from '../pack/bundled';
import { isReached, isVisible, type ViewerHorizon, viewerHorizon } from '../pack/horizon';
import type { Pack } from '../pack/schema';
import { validatePack } from '../pack/validate';
import { entityDetail, showDocuments } from './catalog';
import { episodeContext } from './context';
import { openBackstoryDb } from './schema';
import { seedPack } from './seed';
import { loadShowData } from './show-data';

const packs = bundledPacks.map((raw) => {
  const result = validatePack(raw);
  if (!result.ok) throw new Error(`a bundled pack does not validate: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return result.pack;
});

/** Everything that is still ahead of the viewer, each with what it is, for the failure message. */
function laterMaterial(pack: Pack, viewer: ViewerHorizon, order: Map<string, number>): [string, string][] {
  const visible = (h: Parameters<typeof isVisible>[0]) => isVisible(h, viewer, order);
  const reached = (id: string) => isReached(id, viewer, order);
  const later: [string, string][] = [];
  for (const n of pack.notes) if (!visible(n.horizon)) later.push([`note ${n.id}`, n.text]);
  for (const a of pack.adaptations) if (!visible(a.horizon)) later.push([`adaptation ${a.id}`, a.note]);
  for (const c of pack.characters) {
    if (!reached(c.listedFrom)) later.push([`character ${c.id} (listed from ${c.listedFrom})`, c.name]);
    c.summaries.slice(1).forEach((s, i) => {
      if (!visible(s.horizon)) later.push([`${c.id} summary stage ${i + 2}`, s.text]);
    });
  }
  for (const b of pack.books)
    b.connections.slice(1).forEach((s, i) => {
      if (!visible(s.horizon)) later.push([`${b.id} connection stage ${i + 2}`, s.text]);
    });
  for (const v of pack.volumes) if (!visible(v.arcHorizon)) later.push([`volume ${v.number} arc`, v.arc]);
  for (const e of pack.episodes) {
    if (e.synopsis && !visible({ episode: e.id })) later.push([`${e.id} synopsis`, e.synopsis]);
    if (e.setup && !reached(e.id)) later.push([`${e.id} set-up`, e.setup]);
  }
  if (pack.film && !visible({ episode: pack.film.id })) later.push(['film synopsis', pack.film.synopsis]);
  const shownUrls = new Set(pack.sources.filter((s) => visible(s.horizon)).map((s) => s.url));
  for (const s of pack.sources) if (s.url && !visible(s.horizon) && !shownUrls.has(s.url)) later.push([`source ${s.key}`, s.url]);
  // A person listed only for characters still ahead would name them.
  const listedPeople = new Set(pack.characters.filter((c) => reached(c.listedFrom)).flatMap((c) => c.roles.map((r) => r.person)));
  for (const p of pack.people)
    if (!listedPeople.has(p.id) && pack.characters.some((c) => c.roles.some((r) => r.person === p.id)))
      later.push([`actor ${p.id}`, p.name]);
  return later;
}

/** What a viewer playing `episodeId` (all before it watched, nothing read) could see that is still ahead of them. */
async function leaksAt(pack: Pack, db: Awaited<ReturnType<typeof openBackstoryDb>>, episodeId: string, ordinal: number) {
  const data = await loadShowData(db, pack.show.id);
  if (!data) throw new Error('not seeded');
  const viewer = viewerHorizon('current', ordinal, ordinal - 1, 0);
  const seen: unknown[] = [];
  if (episodeId !== pack.film?.id) seen.push(await episodeContext(db, pack.show.id, episodeId, viewer));
  const docs = showDocuments(data, viewer);
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
