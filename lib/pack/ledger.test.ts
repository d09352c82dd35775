// The event ledger's rules (issue #28), each shown failing on a text planted in every bundled pack, and every
// pack whose ledger is complete held to it.
import { describe, expect, it } from 'vitest';
import { LEDGER_COMPLETE } from '../../tests/support/packs';
import { bundledPacks } from './bundled';
import { episodeOrder, isNotBefore } from './horizon';
import { ledgerGaps, nameFinder } from './ledger';
import type { Pack, StoryEvent } from './schema';
import { validatePack } from './validate';

const packs = bundledPacks.map((raw) => {
  const result = validatePack(raw);
  if (!result.ok) throw new Error(`a bundled pack does not validate: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return result.pack;
});

describe('isNotBefore: a text against a point in the story, on both axes', () => {
  const order = new Map([
    ['s1e1', 1],
    ['s1e2', 2],
  ]);
  it('holds a text at an episode’s start back from what happens in that episode', () => {
    expect(isNotBefore({ episode: 's1e2', at: 'start' }, { episode: 's1e2' }, order)).toBe(false);
    expect(isNotBefore({ episode: 's1e2' }, { episode: 's1e2' }, order)).toBe(true);
    expect(isNotBefore({ episode: 's1e2', at: 'start' }, { episode: 's1e1' }, order)).toBe(true);
    expect(isNotBefore({ episode: 's1e2', at: 'start' }, { episode: 's1e2', at: 'start' }, order)).toBe(true);
  });
  it('refuses a point off the axis a text unlocks on: show-only to a reader, comics-only to a watcher', () => {
    expect(isNotBefore({ volume: 2 }, { episode: 's1e1' }, order)).toBe(false);
    expect(isNotBefore({ episode: 's1e2' }, { volume: 1 }, order)).toBe(false);
    expect(isNotBefore({ episode: 's1e2', volume: 1 }, { episode: 's1e2', volume: 2 }, order)).toBe(false);
    expect(isNotBefore({ episode: 's1e2', volume: 2 }, { episode: 's1e1', volume: 2 }, order)).toBe(true);
  });
});

describe('nameFinder', () => {
  const find = nameFinder([
    { id: 'tori', name: 'Tori Spring', aliases: ['Tori'] },
    { id: 'jane', name: 'Jane Spring', aliases: [] },
    { id: 'diane', name: 'Aunt Diane', aliases: ['Diane'] },
  ]);
  it('finds whole names and aliases, longest first, possessives included', () => {
    expect(find("Tori Spring's brother and Diane.").map((m) => [m.name, [...m.ids]])).toEqual([
      ['Tori Spring', ['tori']],
      ['Diane', ['diane']],
    ]);
    expect(find('Victoria, Dianes and torino')).toEqual([]);
  });
  it('reads an address by its words, in any case and without accents', () => {
    expect(find('https://example.com/tori-spring-aunt-diane', true).map((m) => m.name)).toEqual(['tori spring', 'aunt diane']);
    expect(find('https://tori.example.com/x', true)).toEqual([]);
  });
});

const issuesOf = (pack: Pack) => {
  const result = validatePack(pack);
  return result.ok ? [] : result.issues;
};

describe.each(packs.map((p) => [p.id, p] as const))('the ledger rules on %s', (id, pack) => {
  const order = episodeOrder(pack);
  const episodes = [...pack.episodes].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const first = episodes[0];
  const last = episodes.at(-1);
  const iFirst = pack.episodes.findIndex((e) => e.id === first?.id);
  const latest = [...pack.characters].sort((a, b) => (order.get(b.listedFrom) ?? 0) - (order.get(a.listedFrom) ?? 0))[0];
  if (!first || !last || !latest || iFirst < 0) throw new Error('pack too small for these checks');
  const source = pack.sources[0]?.key ?? '';
  /** A copy of the pack with one more event: something that happens in its last episode, on screen only. */
  const planted = (event: Partial<StoryEvent> = {}) => {
    const copy = structuredClone(pack);
    copy.events = [
      ...(copy.events ?? []),
      { id: 'planted-event', what: 'a planted turn', episode: last.id, sources: [source], ...event },
    ];
    return copy;
  };

  it('validates as bundled, whatever it declares', () => {
    expect(issuesOf(pack)).toEqual([]);
  });

  it('refuses a set-up line that reveals a later event, and says what to do', () => {
    const bad = planted();
    const e = bad.episodes[iFirst];
    if (e) e.declares = { ...e.declares, setup: { reveals: ['planted-event'] } };
    expect(issuesOf(bad)).toContainEqual({
      path: `episodes.${iFirst}.declares.setup.reveals.0`,
      message: expect.stringMatching(/reveals "planted-event" .* move its horizon to the event, or reword it/),
    });
  });

  it('holds what reveals the playing episode’s events until it is watched, cards and comic notes included', () => {
    const bad = planted();
    bad.notes.push({
      id: 'planted-note',
      about: { kind: 'episode', ids: [last.id] },
      text: 'planted',
      horizon: { episode: last.id, at: 'start' },
      sources: [source],
      reveals: ['planted-event'],
    });
    expect(issuesOf(bad).map((i) => i.path)).toContain(`notes.${bad.notes.length - 1}.reveals.0`);
    const note = bad.notes.at(-1);
    if (note) note.horizon = { episode: last.id };
    expect(issuesOf(bad)).toEqual([]);
  });

  it('refuses a text unlocked by reading that reveals what only the show has', () => {
    const bad = planted();
    bad.notes.push({
      id: 'planted-note',
      about: { kind: 'episode', ids: [last.id] },
      text: 'planted',
      horizon: { episode: last.id, volume: 1 },
      sources: [source],
      reveals: ['planted-event'],
    });
    expect(issuesOf(bad).map((i) => i.path)).toEqual([`notes.${bad.notes.length - 1}.reveals.0`]);
  });

  it('refuses an unknown event', () => {
    const bad = structuredClone(pack);
    const e = bad.episodes[iFirst];
    if (e) e.declares = { synopsis: { reveals: ['no-such-event'] } };
    expect(issuesOf(bad)).toContainEqual({
      path: `episodes.${iFirst}.declares.synopsis.reveals.0`,
      message: expect.stringContaining('unknown event "no-such-event"'),
    });
  });

  it('refuses a text that names a character before they may be listed', () => {
    if (latest.listedFrom === first.id) return; // everyone is listed from the premiere: nothing to plant
    const bad = structuredClone(pack);
    const e = bad.episodes[iFirst];
    if (e) e.declares = { setup: { reveals: [], names: [latest.id] } };
    expect(issuesOf(bad)).toContainEqual({
      path: `episodes.${iFirst}.declares.setup.names.0`,
      message: expect.stringContaining(`names "${latest.id}", who may be known only from ${latest.listedFrom} (start)`),
    });
  });

  it('refuses a link shown before the end of what its page covers', () => {
    const bad = structuredClone(pack);
    const s = bad.sources[0];
    if (!s) throw new Error('no source');
    s.covers = { episodes: [first.id, last.id] };
    s.horizon = { episode: first.id, at: 'start' };
    expect(issuesOf(bad)).toContainEqual({
      path: 'sources.0.horizon',
      message: expect.stringContaining(`covers up to ${last.id} (watched)`),
    });
    s.horizon = { episode: last.id };
    expect(issuesOf(bad).filter((i) => i.path.startsWith('sources.0'))).toEqual([]);
  });

  it('finds a name a text does not declare, and says what to do', () => {
    const bad = structuredClone(pack);
    const e = bad.episodes[iFirst];
    const named = bad.characters[0];
    if (!e || !named) throw new Error('pack too small');
    e.setup = `${e.setup ?? ''} With ${named.name}.`;
    e.declares = { ...e.declares, setup: { reveals: [] } };
    expect(ledgerGaps(bad)).toContainEqual({
      path: `episodes.${iFirst}.declares.setup.names`,
      message: expect.stringContaining(`"${named.name}" in`),
    });
  });

  it('asks a complete ledger for a declaration on every text, coverage on every source, a cast on every episode', () => {
    const bad = structuredClone(pack);
    bad.notes.push({
      id: 'planted-note',
      about: { kind: 'episode', ids: [last.id] },
      text: 'planted',
      horizon: { episode: last.id },
      sources: [source],
    });
    const s = bad.sources[0];
    if (s) delete s.covers;
    const e = bad.episodes[iFirst];
    if (e) delete e.appears;
    const gaps = ledgerGaps(bad).map((g) => g.path);
    expect(gaps).toContain(`notes.${bad.notes.length - 1}.reveals`);
    expect(gaps).toContain('sources.0.covers');
    expect(gaps).toContain(`episodes.${iFirst}.appears`);
  });

  it('refuses an episode cast member who has no part in that season', () => {
    const bad = structuredClone(pack);
    const e = bad.episodes[iFirst];
    const outsider = bad.characters.find(
      (c) => !c.roles.some((r) => r.seasons.includes(first.season)) && !c.uncreditedSeasons?.includes(first.season),
    );
    if (!e || !outsider) return; // everyone is in the first season: nothing to plant
    e.appears = [outsider.id];
    expect(issuesOf(bad)).toContainEqual({
      path: `episodes.${iFirst}.appears.0`,
      message: expect.stringContaining(`"${outsider.id}" has no role in season ${first.season}`),
    });
  });

  it('keeps out of an episode’s cast whoever’s being in it is that episode’s event (a return, a revival)', () => {
    const bad = planted();
    const iLast = bad.episodes.findIndex((e) => e.id === last.id);
    const e = bad.episodes[iLast];
    const who = e?.appears?.[0];
    const event = bad.events?.at(-1);
    if (!e || !who || !event) throw new Error('the last episode lists nobody');
    event.appearing = [who];
    expect(issuesOf(bad)).toContainEqual({
      path: `episodes.${iLast}.appears.0`,
      message: expect.stringMatching(
        /is listed from .* first minute, but .* "planted-event" .* leave them out of this episode’s "appears"/,
      ),
    });
    e.appears = e.appears?.filter((id) => id !== who);
    expect(issuesOf(bad)).toEqual([]);
    event.appearing = ['no-such-character'];
    expect(issuesOf(bad)).toContainEqual({
      path: `events.${(bad.events?.length ?? 0) - 1}.appearing.0`,
      message: 'unknown character "no-such-character"',
    });
  });

  it.runIf(LEDGER_COMPLETE.includes(id))('has a complete ledger', () => {
    expect(ledgerGaps(pack), 'each line says what to declare in the pack').toEqual([]);
  });
});

describe('a return told by the season’s cast (roles[].from, audit invincible-3 A2)', () => {
  const pack = packs.find((p) => p.id === 'invincible');
  if (!pack) throw new Error('Invincible is not bundled');
  const iLevy = pack.characters.findIndex((c) => c.id === 'angstrom-levy');
  const levyAgain = (from: { episode: string; at?: 'start' } | undefined) => {
    const copy = structuredClone(pack);
    const role = copy.characters[iLevy]?.roles[0];
    if (!role) throw new Error('Levy has no role');
    if (from) role.from = from;
    else delete role.from;
    return copy;
  };

  it('refuses a role in the season of a return that starts before the return is watched', () => {
    const message = expect.stringMatching(/"angstrom-levy" is in season 3's cast from .* "levy-alive"/);
    const path = `characters.${iLevy}.roles.0.from`;
    expect(issuesOf(levyAgain(undefined))).toContainEqual({ path, message });
    expect(issuesOf(levyAgain({ episode: 's3e2' }))).toContainEqual({ path, message });
    // From the returning episode's first minute is still too early: he comes back in its last scene.
    expect(issuesOf(levyAgain({ episode: 's3e3', at: 'start' }))).toContainEqual({ path, message });
    expect(issuesOf(levyAgain({ episode: 's3e3' }))).toEqual([]);
  });

  it('refuses a start outside the role’s seasons, or in an episode the pack does not have', () => {
    expect(issuesOf(levyAgain({ episode: 's1e4' }))).toContainEqual({
      path: `characters.${iLevy}.roles.0.from.episode`,
      message: expect.stringContaining("not one of the role's seasons"),
    });
    expect(issuesOf(levyAgain({ episode: 's3e9' }))).toContainEqual({
      path: `characters.${iLevy}.roles.0.from.episode`,
      message: 'unknown episode "s3e9"',
    });
  });

  it('lets a season that has already shown the character list them (Allen, seen in S2E3, survives in S2E5)', () => {
    const allen = pack.characters.find((c) => c.id === 'allen-the-alien');
    expect(allen?.roles.every((r) => r.from === undefined)).toBe(true);
    expect(pack.events?.find((e) => e.id === 'allen-survives')?.appearing).toEqual(['allen-the-alien']);
    // Without S2E3's listing, nothing in the season would have shown him: his season 2 role would need a start.
    const copy = structuredClone(pack);
    for (const e of copy.episodes) if (e.season === 2) e.appears = e.appears?.filter((id) => id !== 'allen-the-alien');
    expect(issuesOf(copy)).toContainEqual({
      path: `characters.${pack.characters.findIndex((c) => c.id === 'allen-the-alien')}.roles.0.from`,
      message: expect.stringContaining('"allen-survives"'),
    });
  });
});

describe('the list of packs with a complete ledger', () => {
  it('names only bundled packs', () => {
    for (const id of LEDGER_COMPLETE) expect(packs.map((p) => p.id)).toContain(id);
  });
});
