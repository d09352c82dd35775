import { describe, expect, it } from 'vitest';
import { seededDb } from '../../tests/support/seeded-db';
import { viewerHorizon } from '../pack/horizon';
import { episodeContext, revealItem } from './context';

const atEpisode = (ordinal: number, volume = 0) => viewerHorizon('current', ordinal, 0, volume);
const allText = (value: unknown) => JSON.stringify(value);

describe('episodeContext', () => {
  it('lists the season cast, main cast first, with actors', async () => {
    const db = await seededDb();
    const ctx = await episodeContext(db, 'heartstopper', 's1e2', atEpisode(2));
    expect(ctx?.episode).toMatchObject({ code: 'S1 · E2', title: 'Crush' });
    expect(ctx?.cast[0]).toMatchObject({ name: 'Charlie Spring', actors: [{ name: 'Joe Locke' }], billing: 'main' });
    expect(ctx?.cast.map((c) => c.name)).toContain('Sarah Nelson');
    expect(ctx?.cast.map((c) => c.name)).not.toContain('Michael Holden');
    const billing = ctx?.cast.map((c) => c.billing) ?? [];
    expect(billing.indexOf('recurring')).toBeGreaterThan(billing.lastIndexOf('main'));
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
  });

  it('unlocks comic-sourced notes for a viewer who has read the volume', async () => {
    const db = await seededDb();
    const unread = await episodeContext(db, 'heartstopper', 's1e1', atEpisode(1, 0));
    const read = await episodeContext(db, 'heartstopper', 's1e1', atEpisode(1, 2));
    expect(allText(unread)).not.toContain('become boyfriends');
    expect(allText(read)).toContain('become boyfriends');
  });

  it('holds back a cast member whose role would give the plot away', async () => {
    const db = await seededDb();
    const early = await episodeContext(db, 'heartstopper', 's3e1', atEpisode(17));
    expect(early?.cast.map((c) => c.name)).not.toContain('Geoff');
    expect(early?.hiddenCast).toHaveLength(2); // Geoff (from S3E4) and Oliver (from S3E5)
    const later = await episodeContext(db, 'heartstopper', 's3e5', atEpisode(21));
    expect(later?.cast.find((c) => c.name === 'Oliver Spring')).toMatchObject({
      actors: [],
      origin: 'book',
      originBook: 'This Winter',
    });
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
    expect(ctx?.keepReading?.text).toContain('chapter 1');
  });

  it('points to the next volume after a season finale, and past what the viewer has read', async () => {
    const db = await seededDb();
    expect((await episodeContext(db, 'heartstopper', 's1e8', atEpisode(8)))?.keepReading).toMatchObject({ volume: 3 });
    expect((await episodeContext(db, 'heartstopper', 's3e8', atEpisode(24)))?.keepReading?.text).toContain(
      'which the film adapts',
    );
    expect((await episodeContext(db, 'heartstopper', 's2e3', atEpisode(11, 4)))?.keepReading).toMatchObject({ volume: 5 });
  });

  it('shows everything when the guard is off', async () => {
    const db = await seededDb();
    const ctx = await episodeContext(db, 'heartstopper', 's1e1', viewerHorizon('off', 1, 0, 0));
    expect(ctx?.cast.every((c) => c.hidden.length === 0)).toBe(true);
    expect(ctx?.horizon.label).toBe('Spoiler guard off');
  });
});

describe('revealItem', () => {
  it('returns exactly the one hidden note asked for', async () => {
    const db = await seededDb();
    const ctx = await episodeContext(db, 'heartstopper', 's1e1', atEpisode(1));
    const handle = ctx?.cast.find((c) => c.characterId === 'darcy-olsson')?.hidden.at(-1)?.handle ?? '';
    const item = await revealItem(db, 'heartstopper', 1, handle);
    expect(item).toMatchObject({ kind: 'note', note: { revealed: true } });
    expect(item?.kind === 'note' && item.note.text).toContain('non-binary');
    expect(await revealItem(db, 'heartstopper', 1, 'hnothing')).toBeUndefined();
  });
});
