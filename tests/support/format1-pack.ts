// A small but complete pack in data-pack format 1, as packs were written before every visible text had a horizon.
/** A small but complete format-1 pack, as packs were written before format 2. */
export function format1() {
  return {
    schemaVersion: 1,
    id: 'tiny',
    version: '1.0.0',
    show: { id: 'tiny', title: 'Tiny', aliases: [], creator: 'A', netflixTitleId: '12345', summary: 'A show.', sources: ['a'] },
    seasons: [{ number: 1, releaseDate: '2020-01-01', volumes: [1], sources: ['a'] }],
    episodes: [
      {
        id: 's1e1',
        season: 1,
        number: 1,
        title: 'One',
        releaseDate: '2020-01-01',
        synopsis: 'First.',
        synopsisStatus: 'confirmed',
        sources: ['a'],
      },
      {
        id: 's1e2',
        season: 1,
        number: 2,
        title: 'Two',
        releaseDate: '2020-01-01',
        synopsis: 'Second.',
        synopsisStatus: 'confirmed',
        sources: ['late'],
      },
    ],
    people: [{ id: 'pat', name: 'Pat', sources: ['a'] }],
    characters: [
      {
        id: 'kim',
        name: 'Kim',
        aliases: [],
        origin: 'comics',
        summary: 'Kim.',
        listedFrom: 's1e1',
        roles: [{ person: 'pat', seasons: [1], billing: 'main' }],
        sources: ['a', 'late'],
      },
    ],
    volumes: [{ number: 1, title: 'V1', published: '2019', arc: 'Arc.', arcHorizon: { episode: 's1e2' }, sources: ['late'] }],
    books: [{ id: 'b', title: 'B', kind: 'novel', year: 2014, link: 'thematic', connection: 'Says too much.', sources: ['a'] }],
    adaptations: [],
    notes: [
      { id: 'n', about: { kind: 'character', ids: ['kim'] }, text: 'Later.', horizon: { episode: 's1e2' }, sources: ['late'] },
    ],
    sources: [
      { key: 'a', title: 'A' },
      { key: 'late', title: 'Late', url: 'https://example.org/spoils-episode-2' },
    ],
  };
}
