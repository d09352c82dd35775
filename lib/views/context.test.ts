import { describe, expect, it } from 'vitest';
import { keepReadingText } from '../../components/panel/words';
import { invincible } from '../../tests/support/packs';
import { seededDb } from '../../tests/support/seeded-db';
import { openBackstoryDb } from '../db/schema';
import { seedPack } from '../db/seed';
import { loadShowData } from '../db/show-data';
import { episodeOrder, viewerHorizon } from '../pack/horizon';
import { entityDetail } from './catalog';
import { castEntry, episodeContext, hiddenHandle, revealItem, viewOf } from './context';

const atEpisode = (ordinal: number, volume = 0) => viewerHorizon('current', ordinal, 0, volume);
const allText = (value: unknown) => JSON.stringify(value);
/** "Keep reading" as the panel words it. */
const words = (ctx: { keepReading: Parameters<typeof keepReadingText>[0] | null } | undefined) =>
  ctx?.keepReading ? `${ctx.keepReading.title}: ${keepReadingText(ctx.keepReading)}` : '';

describe('episodeContext', () => {
  it('lists the season cast, main cast first, with actors', async () => {
    const db = await seededDb();
    const ctx = await episodeContext(db, 'heartstopper', 's1e2', atEpisode(2));
    expect(ctx?.episode).toMatchObject({ code: 'S1 · E2', title: 'Crush' });
    expect(ctx?.cast[0]).toMatchObject({ name: 'Charlie Spring', actors: [{ name: 'Joe Locke' }], group: 'central' });
    expect(ctx?.cast.map((c) => c.name)).toContain('Sarah Nelson');
    expect(ctx?.cast.map((c) => c.name)).not.toContain('Michael Holden');
    const groups = ctx?.cast.map((c) => c.group) ?? [];
    expect(groups.indexOf('supporting')).toBeGreaterThan(groups.lastIndexOf('central'));
  });

  it('keeps every later fact out of the result, replaced by opaque placeholders', async () => {
    const db = await seededDb();
    const ctx = await episodeContext(db, 'heartstopper', 's1e1', atEpisode(1));
    const text = allText(ctx);
    expect(text).not.toContain('boyfriends');
    expect(text).not.toContain('eating disorder');
    expect(text).not.toContain('non-binary');
    const charlie = ctx?.cast.find((c) => c.characterId === 'charlie-spring');
    expect(charlie?.hidden.length).toBeGreaterThan(3);
    expect(charlie?.hidden[0]?.handle).toMatch(/^h[0-9a-z]+$/);
    // Nothing but the handle: not even a label that names what is hidden.
    expect(Object.keys(charlie?.hidden[0] ?? {})).toEqual(['handle']);
    expect(text).not.toMatch(/Geoff|Jack Maddox|Oliver|Michael Holden|Loveless/);
  });

  it('unlocks comic-sourced notes for a viewer who has read the volume', async () => {
    const db = await seededDb();
    const unread = await episodeContext(db, 'heartstopper', 's1e1', atEpisode(1, 0));
    const read = await episodeContext(db, 'heartstopper', 's1e1', atEpisode(1, 4));
    expect(allText(unread)).not.toContain('worry about how Charlie eats');
    expect(allText(read)).toContain('worry about how Charlie eats');
  });

  it('holds back a cast member whose role would give the plot away', async () => {
    const db = await seededDb();
    const early = await episodeContext(db, 'heartstopper', 's3e1', atEpisode(17));
    expect(early?.cast.map((c) => c.name)).not.toContain('Geoff');
    // Aunt Diane (from S3E2), Geoff (S3E5: listing a therapist at S3E4 would spoil it), Oliver (S3E5), Jack Maddox (S3E6)
    expect(early?.hiddenCast).toHaveLength(4);
    const later = await episodeContext(db, 'heartstopper', 's3e5', atEpisode(21));
    expect(later?.cast.find((c) => c.name === 'Oliver Spring')).toMatchObject({ actors: [], origin: 'comics' });
  });

  it('gives the comic context at the finest known granularity', async () => {
    const db = await seededDb();
    const ctx = await episodeContext(db, 'heartstopper', 's1e1', atEpisode(1));
    expect(ctx?.comic[0]).toMatchObject({
      scope: 'episode',
      volume: 1,
      chapter: { number: 1, title: 'Meet' },
      fidelity: 'adapted',
    });
    expect(ctx?.comic.some((c) => c.fidelity === 'show-only')).toBe(true);
    expect(ctx?.keepReading && keepReadingText(ctx.keepReading)).toContain('chapter 1');
  });

  it('points to the next volume after a season finale, and past what the viewer has read', async () => {
    const db = await seededDb();
    // Never past what the show has adapted: the next volume is season 2's (audit L4).
    const finale = await episodeContext(db, 'heartstopper', 's1e8', atEpisode(8));
    expect(finale?.keepReading).toMatchObject({ volume: 2, why: 'season-ends', nextWith: { season: 2 } });
    expect(words(finale)).toBe(
      'Heartstopper Volume 2: Season 1 covers Volumes 1 and 2. The next volume goes with season 2: read it alongside that season.',
    );
    const s2 = await Promise.all([9, 15, 16].map((n) => episodeContext(db, 'heartstopper', `s2e${n - 8}`, atEpisode(n))));
    for (const ctx of s2) expect(words(ctx)).not.toMatch(/Volume 4/);
    expect(words(await episodeContext(db, 'heartstopper', 's3e8', atEpisode(24)))).toContain('goes with the film');
    expect(words(await episodeContext(db, 'heartstopper', 's1e2', atEpisode(2)))).toBe(
      'Heartstopper Volume 1: This episode adapts part of chapter 2, “Crush”, in Heartstopper Volume 1; the next episode goes on with it.',
    );
    expect((await episodeContext(db, 'heartstopper', 's2e3', atEpisode(11, 4)))?.keepReading).toMatchObject({ volume: 5 });
  });

  it('holds the playing episode back until it is watched: a set-up line at 0:00, the rest behind one tap', async () => {
    const db = await seededDb();
    const playing = await episodeContext(db, 'heartstopper', 's1e3', viewerHorizon('current', 3, 2, 0));
    expect(playing?.episode.setup).toBe('Harry is turning sixteen, and the whole crowd is invited to his party.');
    expect(playing?.episode.synopsis).toBeNull();
    expect(playing?.episode.sources).toEqual([]);
    expect(playing?.episode.synopsisHidden).toMatchObject({ thisEpisode: true });
    // The title is Netflix's own ("Kiss"); what happens in it is not shown.
    expect(allText(playing)).not.toMatch(/first time|kisses|go public/i);
    // Tara is "Nick's childhood friend" until the party has been seen.
    expect(playing?.cast.find((c) => c.characterId === 'tara-jones')?.summary).toBe(
      "Nick's childhood friend, now a student at Higgs.",
    );
    const tap = await revealItem(db, 'heartstopper', 1, playing?.episode.synopsisHidden?.handle ?? '');
    expect(tap).toMatchObject({ kind: 'synopsis' });
    expect(tap?.kind === 'synopsis' && tap.text).toContain('kiss for the first time');

    const watched = await episodeContext(db, 'heartstopper', 's1e3', viewerHorizon('current', 3, 3, 0));
    expect(watched?.episode.synopsis).toContain('kiss for the first time');
    expect(watched?.episode.synopsisHidden).toBeNull();
    expect(watched?.cast.find((c) => c.characterId === 'tara-jones')?.summary).toContain('going out with Darcy');
  });

  it('marks what the playing episode holds back as spoiling this episode, and later items as later', async () => {
    const db = await seededDb();
    const ctx = await episodeContext(db, 'heartstopper', 's1e8', viewerHorizon('current', 8, 7, 0));
    expect(ctx?.hiddenEpisodeNotes).toEqual([
      { handle: hiddenHandle('heartstopper', 'note', 'oseman-cameo'), thisEpisode: true },
    ]);
    const first = await episodeContext(db, 'heartstopper', 's1e1', atEpisode(1));
    expect(first?.episodeNotes.map((n) => n.id)).toEqual(['s1e1-locations']);
  });

  it('shows a source link only from its own horizon', async () => {
    const db = await seededDb();
    const early = await episodeContext(db, 'heartstopper', 's1e1', atEpisode(1));
    const urls = allText(early);
    // A recap of the episode on screen, and season-3 articles, stay out until their time.
    expect(urls).not.toContain('geekgirlauthority.com/heartstopper-series-premiere-recap');
    expect(urls).not.toContain('tooflymusic.com');
    expect(urls).not.toContain('not-returning');
    const after = await episodeContext(db, 'heartstopper', 's1e1', viewerHorizon('current', 1, 1, 0));
    expect(allText(after)).toContain('geekgirlauthority.com/heartstopper-series-premiere-recap');
  });

  it('shows everything when the guard is off', async () => {
    const db = await seededDb();
    const ctx = await episodeContext(db, 'heartstopper', 's1e1', viewerHorizon('off', 1, 0, 0));
    expect(ctx?.cast.every((c) => c.hidden.length === 0)).toBe(true);
    expect(ctx?.horizon).toMatchObject({ off: true, upTo: null });
  });
});

describe('revealItem', () => {
  it('returns exactly the one hidden note asked for', async () => {
    const db = await seededDb();
    const ctx = await episodeContext(db, 'heartstopper', 's1e1', atEpisode(1));
    const handle = hiddenHandle('heartstopper', 'note', 'darcy-non-binary');
    expect(ctx?.cast.find((c) => c.characterId === 'darcy-olsson')?.hidden.map((h) => h.handle)).toContain(handle);
    const item = await revealItem(db, 'heartstopper', 1, handle);
    expect(item).toMatchObject({ kind: 'note', note: { revealed: true } });
    expect(item?.kind === 'note' && item.note.text).toContain('non-binary');
    expect(await revealItem(db, 'heartstopper', 1, 'hnothing')).toBeUndefined();
  });
});

describe('keep reading for Invincible, where the show stops', () => {
  it('hands over at the volume and issues the show has reached, and never past them', async () => {
    const { openBackstoryDb } = await import('../db/schema');
    const { seedPack } = await import('../db/seed');
    const { loadShowData } = await import('../db/show-data');
    const { viewerHorizon } = await import('../pack/horizon');
    const { invincible } = await import('../../tests/support/packs');
    const { keepReading } = await import('./context');
    const db = await openBackstoryDb();
    await seedPack(db, invincible(), 'bundled');
    const data = await loadShowData(db, 'invincible');
    if (!data) throw new Error('not seeded');
    const at = (id: string) => {
      const episode = data.episodes.find((e) => e.id === id);
      if (!episode) throw new Error(id);
      return keepReading(data, episode, viewerHorizon('current', episode.ordinal, episode.ordinal, 0));
    };
    expect(at('s1e8')).toMatchObject({ volume: 3, title: 'Perfect Strangers', why: 'issues', adapted: [11, 12] });
    // The special closes season 1 in watching order: the season's hand-over comes after it.
    expect(at('s1e9')).toMatchObject({ volume: 3, why: 'season-ends', issues: [{ from: 9, to: 13 }] });
    expect(at('s3e8')).toMatchObject({ volume: 12, title: 'Still Standing', why: 'season-ends', issues: [{ from: 60, to: 65 }] });
    // The last episode the pack knows: season 4 adapts the Viltrumite War, and no volume past it is offered.
    expect(at('s4e3')).toMatchObject({ volume: 14, title: 'The Viltrumite War', issues: [{ from: 71, to: 78 }] });
    expect(at('s1e1')).toMatchObject({ volume: 1, why: 'issues', adapted: [1] });
    db.close();
  });
});

describe('a role that starts within its season (roles[].from, audit invincible-3 A2)', () => {
  async function invincibleDb() {
    const db = await openBackstoryDb();
    await seedPack(db, invincible(), 'bundled');
    return db;
  }
  const ordinalOf = (id: string) => {
    const order = episodeOrder(invincible());
    const at = order.get(id);
    if (at === undefined) throw new Error(`no ${id}`);
    return at;
  };
  /** Playing `id` with everything before it watched, nothing read. */
  const playing = (id: string) => viewerHorizon('current', ordinalOf(id), ordinalOf(id) - 1, 0);
  const castIds = (ctx: { cast: { characterId: string }[] } | undefined) => ctx?.cast.map((c) => c.characterId) ?? [];

  it('keeps Angstrom Levy out of season 3’s cast until his return is watched', async () => {
    const db = await invincibleDb();
    const s3e1 = await episodeContext(db, 'invincible', 's3e1', playing('s3e1'));
    expect(castIds(s3e1)).not.toContain('angstrom-levy');
    // Held like anyone beyond the horizon: a placeholder, nothing that names him.
    expect(s3e1?.hiddenCast).toContainEqual({ handle: hiddenHandle('invincible', 'character', 'angstrom-levy') });
    const s3e3 = await episodeContext(db, 'invincible', 's3e3', playing('s3e3'));
    expect(castIds(s3e3)).not.toContain('angstrom-levy');
    const s3e4 = await episodeContext(db, 'invincible', 's3e4', playing('s3e4'));
    expect(castIds(s3e4)).toContain('angstrom-levy');
    // Season 2 lists him from its premiere, as before.
    expect(castIds(await episodeContext(db, 'invincible', 's2e1', playing('s2e1')))).toContain('angstrom-levy');
    db.close();
  });

  it('gives the popup the same cast and lists the season in a character’s seasons only from the role’s start', async () => {
    const db = await invincibleDb();
    const early = await entityDetail(db, 'episode', 'invincible', 's3e1', playing('s3e1'));
    if (early?.kind !== 'episode') throw new Error('no episode view');
    expect(early.cast.map((c) => c.name)).not.toContain('Angstrom Levy');
    const levy = await entityDetail(db, 'character', 'invincible', 'angstrom-levy', playing('s3e3'));
    expect(levy).toMatchObject({ kind: 'character', seasons: [2] });
    const later = await entityDetail(db, 'character', 'invincible', 'angstrom-levy', playing('s3e4'));
    expect(later).toMatchObject({ kind: 'character', seasons: [2, 3] });
    // Darkblood comes back after the credits of season 3's last episode: season 3 counts once it is watched.
    const finale = await entityDetail(db, 'character', 'invincible', 'damien-darkblood', playing('s3e8'));
    expect(finale).toMatchObject({ kind: 'character', seasons: [1] });
    const watched = viewerHorizon('current', ordinalOf('s3e8'), ordinalOf('s3e8'), 0);
    const after = await entityDetail(db, 'character', 'invincible', 'damien-darkblood', watched);
    expect(after).toMatchObject({ kind: 'character', seasons: [1, 3] });
    db.close();
  });

  it('never lists a role before its start in the actors of a character listed for another reason', async () => {
    const db = await invincibleDb();
    const data = await loadShowData(db, 'invincible');
    if (!data) throw new Error('not seeded');
    const levy = data.characters.find((c) => c.id === 'angstrom-levy');
    if (!levy) throw new Error('no Levy');
    // Planted: Levy also uncredited in season 3, so he is listed; the credited season 3 role still waits.
    const view = viewOf(data, playing('s3e1'));
    const entry = castEntry(data, { ...levy, uncreditedSeasons: [3] }, 3, view);
    expect(entry.actors).toEqual([]);
    db.close();
  });
});
