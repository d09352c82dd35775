// Provider data is untrusted text, held to the packs' rules (security review 2, R5: N14, N15, N17): links only to
// the provider's own https pages, and no bidi overrides or other invisible format characters in what is shown.
import { describe, expect, it } from 'vitest';
import { isProviderLink, providerLink } from './provider-links';
import { parseCast, parseEpisodes, parseSearch, parseShow } from './tvmaze';
import { parseBasedOn } from './wikidata';

const show = (extra: Record<string, unknown> = {}) => ({
  id: 82,
  url: 'https://www.tvmaze.com/shows/82/game-of-thrones',
  name: 'Game of Thrones',
  ...extra,
});
const castItem = (name: string, url: string) => ({
  person: { id: 1, name, url },
  character: { id: 2, name: `Tyrion \u202Eevil` },
});

describe('links from a provider', () => {
  it('keep only https pages on the provider’s own host', () => {
    expect(providerLink('https://www.tvmaze.com/shows/82', 'tvmaze')).toBe('https://www.tvmaze.com/shows/82');
    expect(providerLink('http://www.tvmaze.com/people/1', 'tvmaze')).toBe('https://www.tvmaze.com/people/1');
    for (const url of [
      'javascript:alert(document.domain)//',
      'data:text/html,<b>x</b>',
      'https://evil.example/phish',
      'https://www.tvmaze.com.evil.example/',
      'https://user:pass@www.tvmaze.com/x',
      'https://www.wikidata.org/wiki/Q1',
      'https:javascript:alert(1)',
      '//www.tvmaze.com/x',
    ])
      expect(providerLink(url, 'tvmaze'), url).toBeUndefined();
    expect(isProviderLink('https://www.wikidata.org/wiki/Q1')).toBe(true);
    expect(isProviderLink('https://evil.example/wiki/Q1')).toBe(false);
  });

  it('are refused in TVmaze’s answers: a show falls back to its page by id, a person loses the link (N14, N15)', () => {
    expect(parseShow(show({ url: 'javascript:alert(document.domain)//' }))?.url).toBe('https://www.tvmaze.com/shows/82');
    expect(parseShow(show({ url: 'https://evil.example/phish' }))?.url).toBe('https://www.tvmaze.com/shows/82');
    expect(parseSearch([{ score: 1, show: show({ url: 'data:text/html,x' }) }])[0]?.show.url).toBe(
      'https://www.tvmaze.com/shows/82',
    );
    expect(parseCast([castItem('A', 'https://evil.example/person')])[0]?.url).toBeUndefined();
    expect(parseCast([castItem('A', 'https://www.tvmaze.com/people/1/a')])[0]?.url).toBe('https://www.tvmaze.com/people/1/a');
  });
});

describe('text from a provider', () => {
  it('loses bidi overrides and piles of combining marks, as pack text does (N17)', () => {
    expect(parseShow(show({ name: 'Evil \u202Egnp.exe' }))?.name).toBe('Evil gnp.exe');
    const [member] = parseCast([castItem(`Z${'\u0300'.repeat(40)}`, 'https://www.tvmaze.com/people/1')]);
    expect(member).toMatchObject({ person: 'Z\u0300\u0300', character: 'Tyrion evil' });
    expect(parseEpisodes([{ id: 1, name: 'Pilot\u2067', season: 1, number: 1 }])[0]?.name).toBe('Pilot');
    const term = (value: string, type = 'literal') => ({ type, value });
    const basedOn = parseBasedOn({
      head: { vars: [] },
      results: {
        bindings: [
          {
            series: term('http://www.wikidata.org/entity/Q1', 'uri'),
            src: term('http://www.wikidata.org/entity/Q7', 'uri'),
            srcLabel: term('Evil \u202Egnp.exe'),
            srcTypeLabel: term('novel\u200B'),
            authorLabel: term('\u202EAuthor'),
          },
        ],
      },
    });
    expect(basedOn?.works[0]).toMatchObject({ title: 'Evil gnp.exe', types: ['novel'], authors: ['Author'] });
  });
});
