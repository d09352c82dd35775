// TVmaze's real responses (tests/fixtures/providers: copies of the research samples, each naming its origin in
// `_source`), read by the parsers, and a Netflix title matched to the right show.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { netflixLookup } from '../sites/netflix/lookup';
import { pickShow, scoreCandidate } from './match';
import { parseAkas, parseCast, parseEpisodes, parseSearch, parseShow } from './tvmaze';

const sample = (name: string) =>
  (JSON.parse(readFileSync(`tests/fixtures/providers/${name}.json`, 'utf8')) as { response: unknown }).response;

describe('TVmaze responses', () => {
  it('reads a search for a Netflix original, with its Netflix title id in the official site', () => {
    const [first] = parseSearch(sample('tvmaze-search-shows.stranger-things.netflix'));
    expect(first?.show).toMatchObject({
      id: 2993,
      name: 'Stranger Things',
      url: 'https://www.tvmaze.com/shows/2993/stranger-things',
      year: 2016,
      officialSite: 'https://www.netflix.com/title/80057281',
      webChannel: 'Netflix',
      imdb: 'tt4574334',
    });
    expect(first?.show.network).toBeUndefined();
  });

  it('reads a show with its embedded cast, as https, in TVmaze’s order', () => {
    const got = sample('tvmaze-show-embed-cast-crew.GoT');
    expect(parseShow(got)).toMatchObject({ name: 'Game of Thrones', network: 'HBO' });
    const cast = parseCast(got);
    expect(cast[0]).toMatchObject({ person: 'Peter Dinklage', character: 'Tyrion Lannister', self: false, voice: false });
    expect(cast.every((c) => c.url?.startsWith('https://'))).toBe(true);
  });

  it('reads episode lists, specials without a number included', () => {
    const episodes = parseEpisodes(sample('tvmaze-episodes.stranger-things.netflix'));
    expect(episodes[0]).toMatchObject({ season: 1, number: 1, name: 'Chapter One: The Vanishing of Will Byers' });
    expect(parseEpisodes(sample('tvmaze-show-episodes.GoT')).length).toBeGreaterThan(0);
  });

  it('reads the guest-cast shape (a list, or embedded in an episode) as it reads a show cast', () => {
    const shape = JSON.parse(readFileSync('tests/fixtures/providers/tvmaze-guestcast.shape.json', 'utf8'));
    const listed = parseCast(shape.guestcast_response_example);
    // The sample's embedded list only says "same objects as above": the listed ones, embedded as TVmaze does.
    const embedded = parseCast({ ...shape.embedded_episode_example, _embedded: { guestcast: shape.guestcast_response_example } });
    expect(listed.length).toBeGreaterThan(0);
    expect(listed[0]).toMatchObject({ person: 'Zachary Levi', character: 'Himself', self: true });
    expect(embedded).toEqual(listed);
  });

  it('refuses other shapes instead of half-reading them', () => {
    expect(parseShow({ id: 'x' })).toBeUndefined();
    expect(parseSearch({ not: 'a list' })).toEqual([]);
    expect(parseCast([{ person: { id: 1 } }])).toEqual([]);
  });
});

describe('matching a Netflix title to a TVmaze show', () => {
  const netflix = { site: 'netflix', lookup: netflixLookup };
  const strangerThings = parseSearch(sample('tvmaze-search-shows.stranger-things.netflix')).map((r) => r.show);

  it('is sure when the official site names the Netflix title id', () => {
    const result = pickShow({ ...netflix, titleId: '80057281', title: 'Stranger Things', year: 2016 }, strangerThings);
    expect(result).toMatchObject({ status: 'confident', show: { id: 2993 } });
  });

  it('does not take the first of two shows with the same name: the viewer picks', () => {
    const girls = parseSearch(sample('tvmaze-search-shows.girls')).map((r) => r.show);
    const result = pickShow({ ...netflix, titleId: '70000000', title: 'Girls' }, girls);
    expect(result.status).toBe('unsure');
    if (result.status === 'unsure') expect(result.candidates.map((s) => s.name)).toEqual(['Girls', 'GIRLS']);
  });

  it('counts Netflix as a licensed show’s web channel a little, never as proof', () => {
    const licensed = {
      id: 1,
      url: 'https://www.tvmaze.com/shows/1',
      name: 'Vikings',
      running: false,
      network: 'History',
      webChannel: 'Netflix',
      year: 2013,
    };
    expect(scoreCandidate({ ...netflix, titleId: '70301870', title: 'Vikings', year: 2013 }, licensed)).toBe(6);
    expect(pickShow({ ...netflix, titleId: '70301870', title: 'Vikings', year: 2013 }, [licensed]).status).toBe('confident');
    expect(
      pickShow({ ...netflix, titleId: '70301870', title: 'Vikings' }, [licensed, { ...licensed, id: 2, webChannel: undefined }])
        .status,
    ).toBe('unsure');
  });

  it('says so when there is nothing to match', () => {
    expect(pickShow({ ...netflix, titleId: '1', title: 'Nothing' }, [])).toEqual({ status: 'none' });
  });
});

describe('a show’s other titles', () => {
  it('reads /shows/:id/akas as names, refusing anything else', () => {
    expect(
      parseAkas([
        { name: 'La casa de papel', country: { name: 'Spain', code: 'ES' } },
        { name: 'Money Heist', country: null },
        { country: null },
      ]),
    ).toEqual(['La casa de papel', 'Money Heist']);
    expect(parseAkas({ name: 'x' })).toEqual([]);
  });
});
