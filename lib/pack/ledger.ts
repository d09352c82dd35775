/**
 * Spoilers checked by meaning (issue #28). A pack's event ledger lists the story's turning points; every text a
 * viewer can see declares the events it reveals and the characters it names, and every source what its page
 * covers. Two levels of checking:
 *  - `checkDeclarations` (part of validatePack, for every pack): what is declared is consistent. A text is never
 *    shown before an event it reveals, nor before a character it names may be listed; a link never before the
 *    end of what its page covers. This holds for any pack, however much it declares.
 *  - `ledgerGaps` (the data tests, for packs whose ledger is complete): everything is declared. Every text says
 *    what it reveals, every source what it covers, every episode who appears; and a name or alias found in a
 *    text that the text does not declare is reported with what to do.
 */
import { type EpisodeOrder, episodeOrder, isNotBefore } from './horizon';
import type { Character, Coverage, Declaration, Horizon, Pack } from './schema';

export interface LedgerIssue {
  path: string;
  message: string;
}

/** One text a viewer can read, where it sits in the pack, when it is shown and what it declares. */
export interface VisibleText {
  path: string;
  text: string;
  horizon: Horizon;
  /** Undefined when the text declares nothing at all. */
  declared?: Declaration;
  /** Where its declaration goes, for messages ("notes.3", "episodes.0.declares.setup"). */
  declarePath: string;
  /** Characters the record is about, named without declaring: a summary's own character, a note's subjects. */
  implicit: string[];
  /** An address: names are looked for in its words, whatever their case. */
  url?: boolean;
  /** A source's title or address: its `covers` says what it reveals, so it needs no `reveals` of its own. */
  source?: boolean;
}

/** The schema field a text's path stands for: "volumes.0.publishedNote" is "volumes[].publishedNote". */
export const fieldOf = (path: string) => path.replace(/\.\d+/g, '[]');

/**
 * Every text of a pack a viewer can read, with its horizon (the always-safe ones at the premiere's start): every
 * prose field of lib/pack/visibility.ts (lib/pack/visible-texts.test.ts holds the two lists together).
 */
export function visibleTexts(pack: Pack): VisibleText[] {
  const first = [...pack.episodes].sort((a, b) => a.season - b.season || a.number - b.number)[0]?.id ?? 's1e1';
  const premiere: Horizon = { episode: first, at: 'start' };
  const out: VisibleText[] = [];
  const many = (
    path: string,
    field: string,
    text: string | null | undefined,
    horizon: Horizon,
    declares: Record<string, Declaration | undefined> | undefined,
    rest: Partial<VisibleText> = {},
  ) => {
    if (text)
      out.push({
        path: `${path}.${field}`,
        text,
        horizon,
        declared: declares?.[field],
        declarePath: `${path}.declares.${field}`,
        implicit: [],
        ...rest,
      });
  };
  const one = (path: string, field: string, text: string, horizon: Horizon, record: Declaration, implicit: string[] = []) => {
    const declared =
      record.reveals === undefined && record.names === undefined ? undefined : { reveals: record.reveals, names: record.names };
    out.push({ path: `${path}.${field}`, text, horizon, declared, declarePath: path, implicit });
  };

  many('show', 'summary', pack.show.summary, premiere, pack.show.declares);
  for (const [i, e] of pack.episodes.entries()) {
    many(`episodes.${i}`, 'setup', e.setup, { episode: e.id, at: 'start' }, e.declares);
    many(`episodes.${i}`, 'synopsis', e.synopsis, { episode: e.id }, e.declares);
  }
  if (pack.film) {
    many('film', 'statusNote', pack.film.statusNote, premiere, pack.film.declares);
    many('film', 'synopsis', pack.film.synopsis, { episode: pack.film.id }, pack.film.declares);
  }
  // A summary is shown only once its character is listed: its first stage from the listing on.
  for (const [i, c] of pack.characters.entries())
    for (const [j, s] of c.summaries.entries()) {
      const horizon = j === 0 ? { episode: c.listedFrom, at: 'start' as const } : s.horizon;
      one(`characters.${i}.summaries.${j}`, 'text', s.text, horizon, s, [c.id]);
    }
  for (const [i, vol] of pack.volumes.entries()) {
    // Publication notes are always shown; they must still say nothing of the story and be in our own words.
    many(`volumes.${i}`, 'issuesNote', vol.issuesNote, premiere, vol.declares);
    many(`volumes.${i}`, 'publishedNote', vol.publishedNote, premiere, vol.declares);
    many(`volumes.${i}`, 'arc', vol.arc, vol.arcHorizon, vol.declares);
  }
  for (const [i, b] of pack.books.entries())
    for (const [j, s] of b.connections.entries()) one(`books.${i}.connections.${j}`, 'text', s.text, s.horizon, s);
  for (const [i, a] of pack.adaptations.entries()) one(`adaptations.${i}`, 'note', a.note, a.horizon, a);
  // A character or relationship note names its subjects without declaring them.
  for (const [i, n] of pack.notes.entries()) {
    const subjects = n.about.kind === 'character' || n.about.kind === 'relationship' ? n.about.ids : [];
    one(`notes.${i}`, 'text', n.text, n.horizon, n, subjects);
  }
  for (const [i, s] of pack.sources.entries()) {
    many(`sources.${i}`, 'title', s.title, s.horizon, s.declares, { source: true });
    many(`sources.${i}`, 'url', s.url, s.horizon, s.declares, { source: true, url: true });
    many(`sources.${i}`, 'note', s.note, s.horizon, s.declares, { source: true });
  }
  return out;
}

/** Where a character may first be known: from the start of their listing on screen, from `readFrom` in the comics. */
export function characterPoint(c: Pick<Character, 'listedFrom' | 'readFrom'>): Partial<Horizon> {
  return { episode: c.listedFrom, at: 'start', volume: c.readFrom };
}

/** The end of what a source's page covers, as a point in the story; undefined for a page with the premise only. */
export function coverageEnd(covers: Coverage): Partial<Horizon> | undefined {
  if (!covers.episodes && !covers.volumes) return undefined;
  return { episode: covers.episodes?.[1], volume: covers.volumes?.[1] };
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds characters' names and aliases in texts: each match with every character who goes by it. */
export function nameFinder(characters: readonly Pick<Character, 'id' | 'name' | 'aliases'>[]) {
  const byName = new Map<string, Set<string>>();
  for (const c of characters)
    for (const name of [c.name, ...c.aliases]) {
      const ids = byName.get(name) ?? new Set<string>();
      ids.add(c.id);
      byName.set(name, ids);
    }
  // Longest first, so that "Tori Spring" is one match rather than "Tori" and a stray "Spring".
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  const prose = names.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu')
    : undefined;
  const folded = new Map<string, Set<string>>();
  for (const [name, ids] of byName) folded.set(fold(name), new Set([...(folded.get(fold(name)) ?? []), ...ids]));
  const foldedNames = [...folded.keys()].filter(Boolean).sort((a, b) => b.length - a.length);
  const words = foldedNames.length ? new RegExp(`(?<=^| )(${foldedNames.map(escapeRegExp).join('|')})(?= |$)`, 'gu') : undefined;

  /** Each name found, with the ids of everyone it may mean. Addresses are compared by their words, in any case. */
  return (text: string, url = false): { name: string; ids: Set<string> }[] => {
    if (url) {
      const address = fold(text.replace(/^https?:\/\/[^/]+/, ''));
      return [...address.matchAll(words ?? /$^/gu)].map((m) => ({ name: m[1] ?? '', ids: folded.get(m[1] ?? '') ?? new Set() }));
    }
    return [...text.matchAll(prose ?? /$^/gu)].map((m) => ({ name: m[1] ?? '', ids: byName.get(m[1] ?? '') ?? new Set() }));
  };
}

const where = (p: Partial<Horizon>) =>
  [p.episode && `${p.episode}${p.at === 'start' ? ' (start)' : ' (watched)'}`, p.volume && `volume ${p.volume}`]
    .filter(Boolean)
    .join(' / ') || 'nowhere a viewer can reach';
const shown = (h: Horizon) => where(h);

/**
 * What is declared must hold (every pack): events and characters exist, a text is not shown before an event it
 * reveals or a character it names, a source's link not before the end of what its page covers, an episode's
 * cast ids exist. Events themselves must point at episodes and volumes the pack has.
 */
export function checkDeclarations(pack: Pack, order: EpisodeOrder = episodeOrder(pack)): LedgerIssue[] {
  const issues: LedgerIssue[] = [];
  const fail = (path: string, message: string) => {
    issues.push({ path, message });
  };
  const events = new Map((pack.events ?? []).map((e) => [e.id, e]));
  const characters = new Map(pack.characters.map((c) => [c.id, c]));
  const volumes = new Map(pack.volumes.map((vol) => [vol.number, vol]));

  const seen = new Set<string>();
  for (const [i, e] of (pack.events ?? []).entries()) {
    if (seen.has(e.id)) fail(`events.${i}`, `duplicate id "${e.id}"`);
    seen.add(e.id);
    if (e.episode !== undefined && !order.has(e.episode)) fail(`events.${i}.episode`, `unknown episode "${e.episode}"`);
    const vol = e.volume === undefined ? undefined : volumes.get(e.volume);
    if (e.volume !== undefined && !vol) fail(`events.${i}.volume`, `unknown volume ${e.volume}`);
    if (
      e.issue !== undefined &&
      vol?.issues &&
      !vol.issues.some((r) => e.issue !== undefined && e.issue >= r.from && e.issue <= (r.to ?? r.from))
    )
      fail(`events.${i}.issue`, `issue #${e.issue} is not in volume ${e.volume}'s issues`);
    for (const [j, id] of (e.appearing ?? []).entries())
      if (!characters.has(id)) fail(`events.${i}.appearing.${j}`, `unknown character "${id}"`);
  }

  for (const t of visibleTexts(pack)) {
    for (const [j, id] of (t.declared?.reveals ?? []).entries()) {
      const e = events.get(id);
      if (!e) fail(`${t.declarePath}.reveals.${j}`, `unknown event "${id}": add it to the pack's events, or fix the id`);
      else if (!isNotBefore(t.horizon, { episode: e.episode, volume: e.volume }, order))
        fail(
          `${t.declarePath}.reveals.${j}`,
          `this text reveals "${id}" (${where(e)}) but is shown from ${shown(t.horizon)}: move its horizon to the event, or reword it so that it does not give the event away`,
        );
    }
    for (const [j, id] of (t.declared?.names ?? []).entries()) {
      const c = characters.get(id);
      if (!c) fail(`${t.declarePath}.names.${j}`, `unknown character "${id}"`);
      else if (!isNotBefore(t.horizon, characterPoint(c), order))
        fail(
          `${t.declarePath}.names.${j}`,
          `this text names "${id}", who may be known only from ${where(characterPoint(c))}, but is shown from ${shown(t.horizon)}: move its horizon, or leave the name out`,
        );
    }
  }

  for (const [i, s] of pack.sources.entries()) {
    if (!s.covers) continue;
    for (const [j, episode] of (s.covers.episodes ?? []).entries())
      if (!order.has(episode)) fail(`sources.${i}.covers.episodes.${j}`, `unknown episode "${episode}"`);
    for (const [j, n] of (s.covers.volumes ?? []).entries())
      if (!volumes.has(n)) fail(`sources.${i}.covers.volumes.${j}`, `unknown volume ${n}`);
    const [from, to] = s.covers.episodes ?? [];
    if (from && to && (order.get(from) ?? 0) > (order.get(to) ?? 0))
      fail(`sources.${i}.covers.episodes`, 'a range runs forwards');
    const end = coverageEnd(s.covers);
    if (end && !isNotBefore(s.horizon, end, order))
      fail(
        `sources.${i}.horizon`,
        `the page covers up to ${where(end)} but its link is shown from ${shown(s.horizon)}: a link is shown only once what its page discusses is behind the viewer`,
      );
  }

  // Who appears must be in the season's cast (a role or an uncredited appearance), or the panel could not list them.
  // The list is shown from the episode's first minute, so it may not be what tells that someone comes back in it.
  const appearingIn = new Map<string, Map<string, string>>();
  for (const ev of pack.events ?? [])
    for (const id of ev.appearing ?? [])
      if (ev.episode) appearingIn.set(ev.episode, (appearingIn.get(ev.episode) ?? new Map()).set(id, ev.id));
  for (const [i, e] of pack.episodes.entries())
    for (const [j, id] of (e.appears ?? []).entries()) {
      const c = characters.get(id);
      const event = appearingIn.get(e.id)?.get(id);
      if (!c) fail(`episodes.${i}.appears.${j}`, `unknown character "${id}"`);
      else if (!c.roles.some((r) => r.seasons.includes(e.season)) && !c.uncreditedSeasons?.includes(e.season))
        fail(
          `episodes.${i}.appears.${j}`,
          `"${id}" has no role in season ${e.season}: add the season to a role, or to uncreditedSeasons`,
        );
      else if (event)
        fail(
          `episodes.${i}.appears.${j}`,
          `"${id}" is listed from ${e.id}'s first minute, but being in it is the event "${event}" of that episode: leave them out of this episode’s "appears"`,
        );
    }
  issues.push(...checkSeasonReturns(pack, order));
  return issues;
}

/**
 * The season's cast is shown from the season's first minute too (folded below who appears): a character whose
 * being in an episode is its event (`appearing`) may be in that season's cast before the episode is watched only
 * if the season has already shown them (an earlier episode of the season lists them, or an earlier event of it
 * names them in `appearing`); otherwise each of their roles in that season starts no earlier (`roles[].from`).
 */
function checkSeasonReturns(pack: Pack, order: EpisodeOrder): LedgerIssue[] {
  const issues: LedgerIssue[] = [];
  const seasonOf = new Map(pack.episodes.map((e) => [e.id, e.season]));
  const at = (id: string | undefined) => (id === undefined ? undefined : order.get(id));
  for (const [i, ev] of (pack.events ?? []).entries()) {
    const season = ev.episode === undefined ? undefined : seasonOf.get(ev.episode);
    const when = at(ev.episode);
    if (season === undefined || when === undefined) continue;
    for (const id of ev.appearing ?? []) {
      const c = pack.characters.find((x) => x.id === id);
      const listed = c === undefined ? undefined : at(c.listedFrom);
      if (!c || listed === undefined || listed > when) continue;
      const earlier = (episode: string | undefined) =>
        episode !== undefined && seasonOf.get(episode) === season && (at(episode) ?? when) < when;
      const shownBefore =
        pack.episodes.some((e) => earlier(e.id) && e.appears?.includes(id)) ||
        (pack.events ?? []).some((other) => other !== ev && earlier(other.episode) && other.appearing?.includes(id));
      if (shownBefore) continue;
      if (c.uncreditedSeasons?.includes(season))
        issues.push({
          path: `events.${i}.appearing`,
          message: `"${id}" is in season ${season}'s cast from its first minute (uncreditedSeasons), but being in ${ev.episode} is the event "${ev.id}": give them a role in that season that starts with it ("from")`,
        });
      for (const [j, r] of c.roles.entries()) {
        if (!r.seasons.includes(season)) continue;
        const from = r.from && seasonOf.get(r.from.episode) === season ? r.from : undefined;
        if (!from || !isNotBefore(from, { episode: ev.episode }, order))
          issues.push({
            path: `characters.${pack.characters.indexOf(c)}.roles.${j}.from`,
            message: `"${id}" is in season ${season}'s cast from ${from ? shown(from) : 'the season’s first minute'}, but being in ${ev.episode} is the event "${ev.id}" (events.${i}): start the role no earlier ("from": { "episode": "${ev.episode}" })`,
          });
      }
    }
  }
  return issues;
}

/**
 * What a pack with a complete ledger must also have (the data tests hold each such pack to it): events, a
 * declaration on every text, coverage on every source, a cast on every episode, and every name found in a text
 * declared by it.
 */
export function ledgerGaps(pack: Pack, order: EpisodeOrder = episodeOrder(pack)): LedgerIssue[] {
  const issues: LedgerIssue[] = [];
  const fail = (path: string, message: string) => {
    issues.push({ path, message });
  };
  if (!pack.events?.length) fail('events', 'a complete ledger lists the story’s turning points in "events"');
  const find = nameFinder(pack.characters);
  const characters = new Map(pack.characters.map((c) => [c.id, c]));

  for (const t of visibleTexts(pack)) {
    if (!t.source && t.declared?.reveals === undefined)
      fail(
        `${t.declarePath}.reveals`,
        `declare the events this text reveals (event ids from "events"; "reveals": [] when it reveals none): "${t.text.slice(0, 80)}"`,
      );
    const declared = new Set([...(t.declared?.names ?? []), ...t.implicit]);
    for (const { name, ids } of find(t.text, t.url))
      if (![...ids].some((id) => declared.has(id)))
        fail(
          `${t.declarePath}.names`,
          `"${name}" in "${t.text.slice(0, 80)}" is ${[...ids].join(' or ')}: add the id to this text's "names" (it is then shown no earlier than that character may be listed)`,
        );
    // A text unlocked by reading names its subjects too: they must be known to a reader of that volume.
    for (const id of t.implicit) {
      const c = characters.get(id);
      if (c && !isNotBefore(t.horizon, characterPoint(c), order))
        fail(
          `${t.path}`,
          `shown from ${where(t.horizon)}, before "${id}" may be known (${where(characterPoint(c))}): give the character a "readFrom" volume, or move the horizon`,
        );
    }
  }
  for (const [i, s] of pack.sources.entries()) {
    if (!s.covers)
      fail(
        `sources.${i}.covers`,
        `say what the page of "${s.key}" discusses ("covers": episodes and/or volumes; {} for the premise only)`,
      );
  }
  for (const [i, e] of pack.episodes.entries())
    if (!e.appears?.length) fail(`episodes.${i}.appears`, `list who appears in ${e.id}, from its synopsis and recap sources`);
  return issues;
}
