// The spoiler walk: a first-time viewer who has read nothing watches from S1E1 to the film. At every step, all
// that the panel and the popup could show them (every view, every detail, every text, link and address) is
// collected, and nothing whose own horizon is still ahead may be in it. "Ahead" is derived from the data: a
// note's text, a stage of a summary, an arc, a synopsis, a source's address, a character not yet listed.
import { describe, expect, it, vi } from 'vitest';
import { laterMaterial } from '../../tests/support/later-material';
import { LEDGER_COMPLETE } from '../../tests/support/packs';
import { openBackstoryDb } from '../db/schema';
import { seedPack } from '../db/seed';
import { loadShowData } from '../db/show-data';
import { bundledPacks } from '../pack/bundled';
import { isReached, isVisible, type ViewerHorizon, viewerHorizon } from '../pack/horizon';
import { coverageEnd, nameFinder, visibleTexts } from '../pack/ledger';
import type { Pack } from '../pack/schema';
import { validatePack } from '../pack/validate';
import { entityDetail, showDocuments } from './catalog';
import { episodeContext } from './context';

// The walks ask for the same show thousands of times (every view loads it): fake-indexeddb's reads, or copies of
// them, were most of this file's time. Each database connection's answer is read once and shared, frozen to the
// bottom, so a view that changed what it was given would throw here rather than pass on its own leftovers. A test
// that seeds a changed pack opens a new connection, so it reads its own.
vi.mock('../db/show-data', async (importOriginal) => {
  const real = await importOriginal<typeof import('../db/show-data')>();
  const read = new WeakMap<object, Map<string, ReturnType<typeof real.loadShowData>>>();
  const loadShowData: typeof real.loadShowData = (db, showId) => {
    const shows = read.get(db) ?? new Map();
    read.set(db, shows);
    if (!shows.has(showId)) shows.set(showId, real.loadShowData(db, showId).then(deepFreeze));
    return shows.get(showId) as ReturnType<typeof real.loadShowData>;
  };
  return { ...real, loadShowData };
});

function deepFreeze<T>(value: T): T {
  if (!value || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (value instanceof Map || value instanceof Set) {
    for (const entry of value.entries()) deepFreeze(entry);
    const refuse = () => {
      throw new TypeError('a view changed the show data it was given');
    };
    Object.assign(value, { set: refuse, add: refuse, delete: refuse, clear: refuse });
  }
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
  return value;
}

const DOC_FIELDS = ['entityId', 'facts', 'hidden', 'id', 'keywords', 'kind', 'showId', 'showTitle', 'subtitle', 'title'];

const packs = bundledPacks.map((raw) => {
  const result = validatePack(raw);
  if (!result.ok) throw new Error(`a bundled pack does not validate: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return result.pack;
});

type Db = Awaited<ReturnType<typeof openBackstoryDb>>;

/** The walks' views of the bundled packs, by horizon: the walk by meaning reuses the first walk's (load is slow). */
const walked = new Map<string, unknown[]>();

/** Everything the panel and the popup could show a viewer: every view, every result, every detail. */
async function viewsAt(pack: Pack, db: Db, episodeId: string, viewer: ViewerHorizon, remember = false): Promise<unknown[]> {
  const key = `${pack.id}|${episodeId}|${viewer.episodeOrdinal}|${viewer.watchedOrdinal}|${viewer.volume}`;
  const known = remember ? walked.get(key) : undefined;
  if (known) return known;
  const data = await loadShowData(db, pack.show.id);
  if (!data) throw new Error('not seeded');
  const seen: unknown[] = [];
  if (episodeId !== pack.film?.id) seen.push(await episodeContext(db, pack.show.id, episodeId, viewer));
  // A held-back match is searchable but never shown: the popup says only "1 match hidden … (season 3)" unless the
  // viewer asks. It carries nothing but the names and where they start (checked below), so it is left out here.
  const all = showDocuments(data, viewer);
  for (const doc of all.filter((d) => d.hidden)) expect(Object.keys(doc).sort()).toEqual(DOC_FIELDS);
  const docs = all.filter((d) => !d.hidden);
  seen.push(docs);
  for (const doc of docs) seen.push(await entityDetail(db, doc.kind, doc.showId, doc.entityId, viewer));
  if (remember) walked.set(key, seen);
  return seen;
}

/** What a viewer playing `episodeId` (all before it watched, nothing read) could see that is still ahead of them. */
async function leaksAt(pack: Pack, db: Db, episodeId: string, ordinal: number, remember = false) {
  const data = await loadShowData(db, pack.show.id);
  if (!data) throw new Error('not seeded');
  const viewer = viewerHorizon('current', ordinal, ordinal - 1, 0);
  const text = JSON.stringify(await viewsAt(pack, db, episodeId, viewer, remember));
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

/**
 * The season's cast, seen from the first minute of every episode of the season, may not tell a return (audit
 * invincible-3 A2): a character whose being in an episode is its event (`appearing`), and whom the season has not
 * shown before that episode, is in no cast of that season, nor in that season's place of their seasons, until
 * the episode is watched.
 */
async function returnsShownAt(pack: Pack, db: Db, episodeId: string, viewer: ViewerHorizon, remember = false): Promise<string[]> {
  const data = await loadShowData(db, pack.show.id);
  if (!data) throw new Error('not seeded');
  const seasonOf = new Map(pack.episodes.map((e) => [e.id, e.season]));
  const at = (id: string | undefined) => (id === undefined ? 0 : (data.order.get(id) ?? 0));
  const seen = await viewsAt(pack, db, episodeId, viewer, remember);
  const leaks: string[] = [];
  for (const ev of pack.events ?? []) {
    const season = ev.episode === undefined ? undefined : seasonOf.get(ev.episode);
    if (season === undefined || isVisible({ episode: ev.episode }, viewer, data.order)) continue;
    const earlier = (id: string | undefined) => id !== undefined && seasonOf.get(id) === season && at(id) < at(ev.episode);
    for (const id of ev.appearing ?? []) {
      const c = pack.characters.find((x) => x.id === id);
      const shownBefore =
        pack.episodes.some((e) => earlier(e.id) && e.appears?.includes(id)) ||
        (pack.events ?? []).some((o) => o !== ev && earlier(o.episode) && o.appearing?.includes(id));
      if (!c || shownBefore) continue;
      const where = `at ${episodeId}: ${id}, whose being in ${ev.episode} is "${ev.id}",`;
      for (const view of seen) {
        const v = view as Record<string, unknown> | undefined;
        if (
          seasonOf.get(episodeId) === season &&
          (v?.cast as { characterId?: string }[] | undefined)?.some((x) => x.characterId === id)
        )
          leaks.push(`${where} is in the panel's cast of season ${season}`);
        if (
          v?.kind === 'character' &&
          (v.entry as { characterId: string }).characterId === id &&
          (v.seasons as number[]).includes(season)
        )
          leaks.push(`${where} has season ${season} among their seasons`);
        if (
          v?.kind === 'episode' &&
          typeof v.code === 'string' &&
          pack.episodes.some((e) => e.season === season && e.title === v.title) &&
          (v.cast as { name: string }[]).some((x) => x.name === c.name)
        )
          leaks.push(`${where} is in the popup's cast of ${v.code}`);
      }
    }
  }
  return leaks;
}

describe.each(packs.map((p) => [p.id, p] as const))('the spoiler walk through %s', (_id, pack) => {
  it('shows nothing ahead of a first-time viewer at any step, from the first episode to the film', {
    timeout: 120_000,
  }, async () => {
    const db = await openBackstoryDb();
    await seedPack(db, pack, 'bundled');
    const data = await loadShowData(db, pack.show.id);
    const leaks: string[] = [];
    for (const [episodeId, ordinal] of [...(data?.order ?? [])].sort((a, b) => a[1] - b[1])) {
      leaks.push(...(await leaksAt(pack, db, episodeId, ordinal, true)));
      leaks.push(...(await returnsShownAt(pack, db, episodeId, viewerHorizon('current', ordinal, ordinal - 1, 0), true)));
    }
    db.close();
    expect(leaks, 'each line is a fact shown before its horizon: fix its horizon in data/, or what the view shows').toEqual([]);
  });

  it.runIf(pack.characters.some((c) => c.roles.some((r) => r.from)))(
    'would catch a return told by the season’s cast: a role’s start taken away is reported',
    async () => {
      const leaky = structuredClone(pack);
      const c = leaky.characters.find((x) => x.roles.some((r) => r.from));
      const role = c?.roles.find((r) => r.from);
      const start = leaky.episodes.find((e) => e.id === role?.from?.episode);
      if (!c || !role || !start) throw new Error('no role with a start');
      delete role.from;
      const db = await openBackstoryDb();
      await seedPack(db, leaky, 'bundled');
      const data = await loadShowData(db, leaky.show.id);
      // Playing the episode of the return, not yet watched.
      const ordinal = data?.order.get(start.id) ?? 0;
      const leaks = await returnsShownAt(leaky, db, start.id, viewerHorizon('current', ordinal, ordinal - 1, 0));
      db.close();
      expect(leaks.some((l) => l.includes(`${c.id}, whose being in`) && l.includes("panel's cast"))).toBe(true);
    },
  );

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

/** Every string in what was shown, with the field it sat in (an address is read by its words). */
function strings(value: unknown, key = ''): { key: string; text: string }[] {
  if (typeof value === 'string') return [{ key, text: value }];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, k));
  return [];
}
/** Fields that hold ids and handles, never words a viewer reads. */
const ID_FIELDS = new Set([
  'id',
  'entityId',
  'characterId',
  'showId',
  'handle',
  'key',
  'kind',
  'fidelity',
  'group',
  'origin',
  'of',
  'scope',
  'why',
]);

/**
 * By meaning (issue #28), at one horizon on both axes: every text on screen reveals only events the viewer knows
 * (as its declarations say), names only characters the viewer may know, and every link shown is to a page whose
 * coverage is behind the viewer. Names and coverage are checked for packs whose ledger is complete.
 */
async function meaningLeaksAt(pack: Pack, db: Db, episodeId: string, viewer: ViewerHorizon, remember = false): Promise<string[]> {
  const data = await loadShowData(db, pack.show.id);
  if (!data) throw new Error('not seeded');
  const seen = await viewsAt(pack, db, episodeId, viewer, remember);
  const shown = strings(seen).filter((s) => !ID_FIELDS.has(s.key));
  const onScreen = new Set(shown.map((s) => s.text));
  const at = `at ${episodeId}${viewer.volume ? ` with volume ${viewer.volume} read` : ''}`;
  const leaks: string[] = [];
  const events = new Map((pack.events ?? []).map((e) => [e.id, e]));
  const known = (id: string) => {
    const e = events.get(id);
    return !e || isVisible({ episode: e.episode, volume: e.volume }, viewer, data.order);
  };
  // A text shared by several records (the same chapter line) is fine when one of them may be shown here.
  const texts = new Map<string, string[][]>();
  for (const t of visibleTexts(pack)) texts.set(t.text, [...(texts.get(t.text) ?? []), t.declared?.reveals ?? []]);
  for (const [text, reveals] of texts)
    if (onScreen.has(text) && !reveals.some((ids) => ids.every(known)))
      leaks.push(
        `${at}: "${text.slice(0, 80)}" reveals ${reveals
          .flat()
          .filter((id) => !known(id))
          .join(', ')}`,
      );
  if (!LEDGER_COMPLETE.includes(pack.id)) return leaks;

  const find = nameFinder(pack.characters);
  const mayKnow = (id: string) => {
    const c = pack.characters.find((x) => x.id === id);
    return !c || isReached(c.listedFrom, viewer, data.order) || (c.readFrom !== undefined && viewer.volume >= c.readFrom);
  };
  // Titles are public (Netflix shows every episode title; a book's or an issue's title is on its cover).
  const titles = new Set([
    pack.show.title,
    ...pack.episodes.map((e) => e.title),
    ...pack.volumes.map((v) => v.title),
    ...pack.books.map((b) => b.title),
    ...pack.adaptations.flatMap((a) => (a.issues ?? []).map((i) => i.title)),
    pack.film?.title,
  ]);
  for (const s of shown)
    if (!titles.has(s.text))
      for (const m of find(s.text, s.key === 'url'))
        if (![...m.ids].some(mayKnow))
          leaks.push(`${at}: "${s.text.slice(0, 80)}" names ${[...m.ids].join(' or ')} before they may be listed`);
  for (const source of pack.sources) {
    const end = source.covers ? coverageEnd(source.covers) : undefined;
    if (
      source.url &&
      onScreen.has(source.url) &&
      end &&
      !isVisible({ episode: end.episode, volume: end.volume }, viewer, data.order)
    )
      leaks.push(`${at}: a link to ${source.key} is shown, but its page covers up to ${end.episode ?? ''} ${end.volume ?? ''}`);
  }
  return leaks;
}

describe.each(packs.map((p) => [p.id, p] as const))('the spoiler walk by meaning through %s', (_id, pack) => {
  // Both axes: every episode with nothing read (the views the first walk saw), and every volume read at the
  // premiere and at the start of each later season.
  it('shows no event, name or link ahead of the viewer at any episode, or with any volume read', {
    timeout: 300_000,
  }, async () => {
    const db = await openBackstoryDb();
    await seedPack(db, pack, 'bundled');
    const data = await loadShowData(db, pack.show.id);
    const leaks: string[] = [];
    const ordered = [...(data?.order ?? [])].sort((a, b) => a[1] - b[1]);
    const premieres = pack.episodes.filter((e) => e.number === 1).map((e) => e.id);
    for (const [episodeId, ordinal] of ordered) {
      const volumes = [0, ...(premieres.includes(episodeId) ? pack.volumes.map((v) => v.number) : [])];
      for (const volume of volumes)
        leaks.push(
          ...(await meaningLeaksAt(pack, db, episodeId, viewerHorizon('current', ordinal, ordinal - 1, volume), volume === 0)),
        );
    }
    db.close();
    expect(leaks, 'fix the horizon, the declaration or the text in data/; or what the view shows').toEqual([]);
  });

  it('would catch each kind: an event, a name and a link shown too early', { timeout: 60_000 }, async () => {
    const leaky = structuredClone(pack);
    const first = leaky.episodes[0];
    const summary = leaky.characters.find((c) => c.listedFrom === first?.id)?.summaries[0];
    const late = [...leaky.characters].reverse().find((c) => c.listedFrom !== first?.id);
    // A source the planted card cites, so that its link is on screen at the first episode whatever the pack.
    const source = leaky.sources.find((s) => s.url && summary?.sources.includes(s.key)) ?? leaky.sources.find((s) => s.url);
    const last = leaky.episodes.at(-1);
    if (!first || !summary || !late || !source || !last) throw new Error('pack too small for this check');
    // Planted past validation (which would refuse them): this checks the walk itself.
    leaky.events = [...(leaky.events ?? []), { id: 'planted', what: 'planted', episode: last.id, sources: [source.key] }];
    summary.reveals = ['planted'];
    summary.text = `${summary.text} With ${late.name}.`;
    source.covers = { episodes: [first.id, last.id] };
    source.horizon = { episode: first.id, at: 'start' };
    const db = await openBackstoryDb();
    await seedPack(db, leaky, 'bundled');
    const leaks = await meaningLeaksAt(leaky, db, first.id, viewerHorizon('current', 1, 0, 0));
    db.close();
    expect(leaks.some((l) => l.includes('reveals planted'))).toBe(true);
    if (!LEDGER_COMPLETE.includes(pack.id)) return;
    expect(leaks.some((l) => l.includes(`names ${late.id}`))).toBe(true);
    expect(leaks.some((l) => l.includes(`a link to ${source.key} is shown`))).toBe(true);
  });
});
