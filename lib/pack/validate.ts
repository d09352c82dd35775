/**
 * Full validation of a data pack: the valibot schema first, then what a schema cannot say (every reference
 * resolves, ids are unique, no note is unlocked before what it describes first appears, no text before an event
 * it declares it reveals: lib/pack/ledger.ts).
 * Every failure is reported with its path, so a broken pack file can be fixed from the message alone.
 */
import * as v from 'valibot';
import { episodeOrder } from './horizon';
import { checkDeclarations } from './ledger';
import { type Horizon, type Pack, PackSchema, type Stage } from './schema';
import { checkSizes, PACK_LIMITS } from './sizes';

export interface PackIssue {
  path: string;
  message: string;
}

export type PackResult = { ok: true; pack: Pack } | { ok: false; issues: PackIssue[] };

const MAX_ISSUES = 200;

export function validatePack(input: unknown): PackResult {
  const tooLarge = checkSizes(input, PACK_LIMITS);
  if (tooLarge.length) return { ok: false, issues: tooLarge };
  const parsed = v.safeParse(PackSchema, input, { abortEarly: false });
  if (!parsed.success) {
    const issues = parsed.issues.slice(0, MAX_ISSUES).map((issue) => ({
      path: v.getDotPath(issue) ?? '(root)',
      message: issue.message,
    }));
    return { ok: false, issues };
  }
  const issues = checkReferences(parsed.output);
  return issues.length ? { ok: false, issues: issues.slice(0, MAX_ISSUES) } : { ok: true, pack: parsed.output };
}

function checkReferences(pack: Pack): PackIssue[] {
  const issues: PackIssue[] = [];
  const fail = (path: string, message: string) => {
    issues.push({ path, message });
  };

  const unique = <T>(list: T[], key: (t: T) => string | number, path: string) => {
    const seen = new Set<string | number>();
    list.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) fail(`${path}.${i}`, `duplicate id "${k}"`);
      seen.add(k);
    });
    return seen;
  };

  const sourceKeys = unique(pack.sources, (s) => s.key, 'sources');
  const seasons = unique(pack.seasons, (s) => s.number, 'seasons');
  const episodes = unique(pack.episodes, (e) => e.id, 'episodes');
  const people = unique(pack.people, (p) => p.id, 'people');
  const characters = unique(pack.characters, (c) => c.id, 'characters');
  const volumes = unique(pack.volumes, (vol) => vol.number, 'volumes');
  const books = unique(pack.books, (b) => b.id, 'books');
  unique(pack.adaptations, (a) => a.id, 'adaptations');
  unique(pack.notes, (n) => n.id, 'notes');
  const order = episodeOrder(pack);

  const checkSources = (list: string[], path: string) =>
    list.forEach((key, i) => {
      if (!sourceKeys.has(key)) fail(`${path}.sources.${i}`, `unknown source "${key}"`);
    });
  const checkHorizon = (h: Horizon, path: string, notBefore?: string) => {
    if (h.episode !== undefined && !order.has(h.episode)) fail(`${path}.episode`, `unknown episode "${h.episode}"`);
    if (h.volume !== undefined && !volumes.has(h.volume)) fail(`${path}.volume`, `unknown volume ${h.volume}`);
    const first = notBefore === undefined ? undefined : order.get(notBefore);
    const at = h.episode === undefined ? undefined : order.get(h.episode);
    if (first !== undefined && at !== undefined && at < first)
      fail(`${path}.episode`, `horizon ${h.episode} is earlier than the first appearance (${notBefore})`);
  };

  /** A staged text: each stage sourced and later than the one before; the first shown from `from`'s start. */
  const checkStages = (stages: Stage[], path: string, from: string | undefined) =>
    stages.forEach((stage, j) => {
      checkSources(stage.sources, `${path}.${j}`);
      checkHorizon(stage.horizon, `${path}.${j}.horizon`);
      const at = stage.horizon.episode === undefined ? undefined : order.get(stage.horizon.episode);
      if (j === 0) {
        const start = from === undefined ? 1 : order.get(from);
        if (stage.horizon.at !== 'start' || at === undefined || start === undefined || at > start)
          fail(`${path}.0.horizon`, `the first stage must be shown from the start of ${from ?? 'the first episode'}`);
      } else {
        const before = stages[j - 1]?.horizon.episode;
        if (at !== undefined && before !== undefined && at < (order.get(before) ?? 0))
          fail(`${path}.${j}.horizon`, 'stages must come in story order');
      }
    });

  pack.sources.forEach((s, i) => {
    checkHorizon(s.horizon, `sources.${i}.horizon`);
  });
  pack.seasons.forEach((s, i) => {
    checkSources(s.sources, `seasons.${i}`);
    s.volumes.forEach((n, j) => {
      if (!volumes.has(n)) fail(`seasons.${i}.volumes.${j}`, `unknown volume ${n}`);
    });
  });
  pack.episodes.forEach((e, i) => {
    checkSources(e.sources, `episodes.${i}`);
    if (!seasons.has(e.season)) fail(`episodes.${i}.season`, `unknown season ${e.season}`);
    if (e.id !== `s${e.season}e${e.number}`) fail(`episodes.${i}.id`, `id should be s${e.season}e${e.number}`);
    if ((e.synopsis === null) !== (e.synopsisStatus === 'unconfirmed'))
      fail(`episodes.${i}.synopsis`, 'a synopsis is null exactly when it is unconfirmed');
  });
  if (pack.film) {
    checkSources(pack.film.sources, 'film');
    pack.film.books.forEach((b, j) => {
      if (!books.has(b)) fail(`film.books.${j}`, `unknown book "${b}"`);
    });
  }
  for (const [i, p] of pack.people.entries()) checkSources(p.sources, `people.${i}`);
  pack.characters.forEach((c, i) => {
    const path = `characters.${i}`;
    checkSources(c.sources, path);
    checkStages(c.summaries, `${path}.summaries`, c.listedFrom);
    if (!order.has(c.listedFrom)) fail(`${path}.listedFrom`, `unknown episode "${c.listedFrom}"`);
    if ((c.origin === 'book') !== (c.originBook !== undefined))
      fail(`${path}.originBook`, 'originBook is set exactly when the origin is another book');
    if (c.originBook !== undefined && !books.has(c.originBook)) fail(`${path}.originBook`, `unknown book "${c.originBook}"`);
    c.roles.forEach((r, j) => {
      if (!people.has(r.person)) fail(`${path}.roles.${j}.person`, `unknown person "${r.person}"`);
      r.seasons.forEach((s, k) => {
        if (!seasons.has(s)) fail(`${path}.roles.${j}.seasons.${k}`, `unknown season ${s}`);
      });
      if (r.from) {
        const start = pack.episodes.find((e) => e.id === r.from?.episode);
        if (!start) fail(`${path}.roles.${j}.from.episode`, `unknown episode "${r.from.episode}"`);
        else if (!r.seasons.includes(start.season))
          fail(
            `${path}.roles.${j}.from.episode`,
            `"${start.id}" is in season ${start.season}, which is not one of the role's seasons: a role starts within one of its seasons`,
          );
      }
    });
  });
  for (const [i, s] of pack.seasons.entries())
    for (const [j, part] of (s.parts ?? []).entries()) {
      const e = pack.episodes.find((x) => x.id === part.from);
      if (!e || e.season !== s.number)
        fail(`seasons.${i}.parts.${j}.from`, `"${part.from}" is not an episode of season ${s.number}`);
    }
  pack.volumes.forEach((vol, i) => {
    checkSources(vol.sources, `volumes.${i}`);
    checkHorizon(vol.arcHorizon, `volumes.${i}.arcHorizon`);
  });
  pack.books.forEach((b, i) => {
    checkSources(b.sources, `books.${i}`);
    checkStages(b.connections, `books.${i}.connections`, undefined);
  });
  pack.adaptations.forEach((a, i) => {
    const path = `adaptations.${i}`;
    checkSources(a.sources, path);
    if (a.episode !== undefined && !episodes.has(a.episode) && a.episode !== pack.film?.id)
      fail(`${path}.episode`, `unknown episode "${a.episode}"`);
    if (a.season !== undefined && !seasons.has(a.season)) fail(`${path}.season`, `unknown season ${a.season}`);
    if (a.volume !== undefined && !volumes.has(a.volume)) fail(`${path}.volume`, `unknown volume ${a.volume}`);
    if (a.book !== undefined && !books.has(a.book)) fail(`${path}.book`, `unknown book "${a.book}"`);
    // Issues adapted must be issues of the volume (or side work) named: a typo would send a reader to the wrong book.
    const ranges =
      a.volume !== undefined
        ? pack.volumes.find((vol) => vol.number === a.volume)?.issues
        : pack.books.find((b) => b.id === a.book)?.issues;
    const within = (n: number) => !ranges || ranges.some((r) => n >= r.from && n <= (r.to ?? r.from));
    for (const [j, issue] of (a.issues ?? []).entries())
      if (!within(issue.number)) fail(`${path}.issues.${j}`, `issue #${issue.number} is not in that volume's issues`);
    if (a.issueRange && !(within(a.issueRange.from) && within(a.issueRange.to ?? a.issueRange.from)))
      fail(`${path}.issueRange`, "the range is not within that volume's issues");
    const firstEpisode = a.episode ?? pack.episodes.find((e) => e.season === a.season && e.number === 1)?.id;
    checkHorizon(a.horizon, `${path}.horizon`, firstEpisode);
  });
  const characterById = new Map(pack.characters.map((c) => [c.id, c]));
  pack.notes.forEach((n, i) => {
    const path = `notes.${i}`;
    checkSources(n.sources, path);
    let firstAppearance: string | undefined;
    n.about.ids.forEach((id, j) => {
      const known =
        n.about.kind === 'episode'
          ? episodes.has(id) || id === pack.film?.id
          : n.about.kind === 'adaptation'
            ? true
            : characters.has(id);
      if (!known) fail(`${path}.about.ids.${j}`, `unknown ${n.about.kind} "${id}"`);
      const from = n.about.kind === 'episode' ? id : characterById.get(id)?.listedFrom;
      if (from !== undefined && (firstAppearance === undefined || (order.get(from) ?? 0) > (order.get(firstAppearance) ?? 0)))
        firstAppearance = from;
      const character = characterById.get(id);
      if (character?.origin === 'show-only' && n.horizon.volume !== undefined && n.about.kind === 'character')
        fail(`${path}.horizon.volume`, `"${id}" is not in the comics, so reading cannot unlock this note`);
    });
    checkHorizon(n.horizon, `${path}.horizon`, firstAppearance);
  });
  // Format 5: what the texts declare (events revealed, characters named, what a source covers) must hold.
  issues.push(...checkDeclarations(pack, order));
  return issues;
}
