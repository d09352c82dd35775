/**
 * Upgrades data-pack format 1 to format 2 (every visible text with a horizon; see schema.ts), for pack files
 * imported by a viewer and for records already in the cache. The upgrade is conservative: anything format 1
 * showed without a horizon is held back until late rather than guessed early.
 *  - a character's summary becomes its one stage, shown from its listing;
 *  - a book's connection is shown once the last episode is reached; before that, only the book's kind and year;
 *  - a source's link is shown from the latest point of anything that cites it;
 *  - roles keep their grouping under its new name (main → central, recurring → supporting);
 *  - episodes get no set-up line, and their synopsis waits until they are watched (format 2's rule).
 */
import { FIRST_SITE } from '../ids/ids';

type Json = Record<string, unknown>;
type Horizon = { episode?: string; at?: 'start'; volume?: number };

const GROUPS: Record<string, string> = { main: 'central', recurring: 'supporting', guest: 'guest' };
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const keys = (v: unknown): string[] => (Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string') : []);

/** The records a format-1 show holds, in whatever container they came (a pack file or the cache). */
export interface PackRecords {
  episodes: Json[];
  film?: Json;
  characters: Json[];
  books: Json[];
  sources: Json[];
  notes: Json[];
  adaptations: Json[];
  volumes: Json[];
}

export function isFormat1(pack: unknown): boolean {
  return isObject(pack) && pack.schemaVersion === 1;
}

/**
 * Brings an older pack file to the current format: 1 → 2 (horizons, below), 2 → 3 (the show's Netflix id becomes
 * its id on the first site, FIRST_SITE), 3 → 4 (optional issue-level fields: nothing to change), 4 → 5 (the optional
 * event ledger and declarations: nothing to change). Anything else is
 * returned as it is, for validation to judge.
 */
export function upgradePack(pack: unknown): unknown {
  const two = isFormat1(pack) ? upgradeFormat1(pack as Json) : pack;
  const three = isObject(two) && two.schemaVersion === 2 ? upgradeFormat2(two) : two;
  // Formats 4 and 5 only add optional fields: a format-3 pack is already a format-4 one, and that a format-5 one
  // whose ledger is empty (it declares nothing, so nothing is refused; ledger.ts says what a complete one adds).
  const four = isObject(three) && three.schemaVersion === 3 ? { ...three, schemaVersion: 4 } : three;
  return isObject(four) && four.schemaVersion === 4 ? { ...four, schemaVersion: 5 } : four;
}

function upgradeFormat2(pack: Json): Json {
  const show = isObject(pack.show) ? pack.show : undefined;
  if (!show || !('netflixTitleId' in show)) return { ...pack, schemaVersion: 3 };
  const { netflixTitleId, ...rest } = show;
  return { ...pack, schemaVersion: 3, show: { ...rest, titleIds: { [FIRST_SITE]: netflixTitleId } } };
}

function upgradeFormat1(pack: Json): Json {
  const p = structuredClone(pack) as Json;
  const film = isObject(p.film) ? p.film : undefined;
  upgradeRecords({
    episodes: list(p.episodes),
    film,
    characters: list(p.characters),
    books: list(p.books),
    sources: list(p.sources),
    notes: list(p.notes),
    adaptations: list(p.adaptations),
    volumes: list(p.volumes),
  });
  return { ...p, schemaVersion: 2 };
}

/** Rewrites the records in place. */
export function upgradeRecords(r: PackRecords): void {
  const ordered = [...r.episodes].sort((a, b) => Number(a.season) - Number(b.season) || Number(a.number) - Number(b.number));
  const ordinal = new Map(ordered.map((e, i) => [String(e.id), i + 1]));
  if (r.film) ordinal.set(String(r.film.id), ordered.length + 1);
  const first = String(ordered[0]?.id ?? 's1e1');
  const last = String((r.film ?? ordered.at(-1))?.id ?? first);
  const atStart = (episode: string): Horizon => ({ episode, at: 'start' });

  // The latest point of anything citing each source.
  const latest = new Map<string, number>();
  const cite = (record: Json, episode: unknown) => {
    const at = typeof episode === 'string' ? (ordinal.get(episode) ?? 0) : 0;
    for (const key of keys(record.sources)) latest.set(key, Math.max(latest.get(key) ?? 0, at));
  };
  for (const e of r.episodes) cite(e, e.id);
  if (r.film) cite(r.film, r.film.id);
  for (const c of r.characters) cite(c, c.listedFrom);
  for (const n of [...r.notes, ...r.adaptations]) cite(n, (n.horizon as Horizon | undefined)?.episode);
  for (const v of r.volumes) cite(v, (v.arcHorizon as Horizon | undefined)?.episode);
  for (const b of r.books) cite(b, first);
  const byOrdinal = new Map([...ordinal].map(([id, n]) => [n, id]));
  for (const s of r.sources) {
    if (s.horizon !== undefined) continue;
    const at = latest.get(String(s.key)) ?? 0;
    s.horizon = at > 1 ? { episode: byOrdinal.get(at) ?? last } : atStart(first);
  }

  for (const c of r.characters) {
    if (typeof c.summary === 'string') {
      c.summaries = [{ text: c.summary, horizon: atStart(String(c.listedFrom ?? first)), sources: keys(c.sources) }];
      delete c.summary;
    }
    for (const role of list(c.roles)) {
      if (typeof role.billing === 'string') role.group = GROUPS[role.billing] ?? 'supporting';
      delete role.billing;
    }
  }
  for (const b of r.books) {
    if (typeof b.connection === 'string') {
      const sources = keys(b.sources);
      b.connections = [
        { text: `A ${String(b.kind)} from ${String(b.year)}.`, horizon: atStart(first), sources },
        { text: b.connection, horizon: { episode: last }, sources },
      ];
      delete b.connection;
    }
  }
  for (const e of r.episodes) if (e.setup === undefined) e.setup = null;
}
