import { describe, expect, it } from 'vitest';
import { clearLookups, DAY, putLookup } from '../db/lookup-cache';
import { openBackstoryDb } from '../db/schema';
import { createWarmSearch } from '../search/warm-index';
import { lookupDocuments } from './search-docs';
import type { TvmazeCastMember, TvmazeShow } from './tvmaze';

const TTL = { found: 30 * DAY, missing: 3 * DAY };
const show: TvmazeShow = {
  id: 82,
  url: 'https://www.tvmaze.com/shows/82/x',
  name: 'Game of Thrones',
  year: 2011,
  running: false,
};
const cast: TvmazeCastMember[] = Array.from({ length: 8 }, (_, i) => ({
  personId: i + 1,
  person: `Actor ${i + 1}`,
  characterId: i + 101,
  character: `Role ${i + 1}`,
  self: false,
  voice: false,
}));

describe('searching what was looked up', () => {
  it('finds the show, its mainstays only, and what it is based on, each labelled by source and opened there', async () => {
    const db = await openBackstoryDb();
    await putLookup(db, 'tvmaze:show:82', { show, cast, episodes: [] }, TTL);
    await putLookup(
      db,
      'wd:basedon:netflix:80000003',
      {
        tvmazeId: 82,
        works: [{ qid: 'Q1', url: 'https://www.wikidata.org/wiki/Q1', title: 'A Novel', types: [], authors: ['An Author'] }],
      },
      TTL,
    );
    const { docs } = await lookupDocuments(db);
    expect(docs.map((d) => d.title)).toEqual(['Game of Thrones', ...cast.slice(0, 6).map((c) => c.character), 'A Novel']);
    expect(docs.find((d) => d.title === 'Role 1')).toMatchObject({
      kind: 'character',
      keywords: 'Actor 1',
      facts: { of: 'lookup', source: 'tvmaze', detail: 'Actor 1' },
      url: show.url,
    });
    expect(docs.find((d) => d.title === 'A Novel')).toMatchObject({ kind: 'book', facts: { source: 'wikidata' } });
    db.close();
  });

  it('joins the popup’s index, and leaves it when what was fetched is cleared', async () => {
    const db = await openBackstoryDb();
    const search = createWarmSearch('1.0.0');
    const horizon = async () => ({ episodeOrdinal: 0, watchedOrdinal: 0, volume: 0 });
    await putLookup(db, 'tvmaze:show:82', { show, cast, episodes: [] }, TTL);
    expect((await search(db, horizon)).docs.some((d) => d.title === 'Role 2')).toBe(true);
    await clearLookups(db);
    expect((await search(db, horizon)).docs.some((d) => d.title === 'Role 2')).toBe(false);
    db.close();
  });
});
