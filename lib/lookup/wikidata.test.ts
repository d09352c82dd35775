import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { basedOnQuery, parseBasedOn, readBindings } from './wikidata';

const term = (value: string, type: 'uri' | 'literal' = 'literal') => ({ type, value });
const entity = (q: string) => term(`http://www.wikidata.org/entity/${q}`, 'uri');

describe('Wikidata "based on"', () => {
  it('reads a real SPARQL results document as rows, unbound variables absent', () => {
    const sample = JSON.parse(readFileSync('tests/fixtures/providers/wikidata-sparql-results.shape.json', 'utf8')).response;
    const rows = readBindings(sample);
    expect(rows?.[0]).toMatchObject({
      entity: 'http://www.wikidata.org/entity/Q3731207',
      entityLabel: 'Ercole Patti',
      year: '1903',
    });
    expect(readBindings({ results: 'no' })).toBeUndefined();
  });

  it('groups the rows by work: types and authors once each, the years of its run', () => {
    // In the documented shape (§2.2): a comic book series with two authors and a start and end, in four rows.
    const base = {
      series: entity('Q1'),
      tvmaze: term('2993'),
      imdb: term('tt4574334'),
      src: entity('Q7'),
      srcLabel: term('The Sandman'),
    };
    const json = {
      head: { vars: [] },
      results: {
        bindings: [
          {
            ...base,
            srcTypeLabel: term('comic book series'),
            authorLabel: term('Neil Gaiman'),
            start: term('1989-01-01T00:00:00Z'),
          },
          { ...base, srcTypeLabel: term('comic book series'), authorLabel: term('Sam Kieth'), end: term('1996-03-01T00:00:00Z') },
          { ...base, srcTypeLabel: term('comics'), authorLabel: term('Neil Gaiman') },
          { series: entity('Q1') },
        ],
      },
    };
    expect(parseBasedOn(json)).toEqual({
      item: 'Q1',
      tvmazeId: 2993,
      imdbId: 'tt4574334',
      works: [
        {
          qid: 'Q7',
          url: 'https://www.wikidata.org/wiki/Q7',
          title: 'The Sandman',
          types: ['comic book series', 'comics'],
          authors: ['Neil Gaiman', 'Sam Kieth'],
          from: 1989,
          to: 1996,
        },
      ],
    });
  });

  it('says "nothing" for a show without an item, and puts only a property and a plain id into the query', () => {
    expect(parseBasedOn({ head: { vars: [] }, results: { bindings: [] } })).toEqual({ works: [] });
    expect(basedOnQuery('P1874', '81150303')).toContain('wdt:P1874 "81150303"');
    // A site whose ids are not digits (Prime Video's GTIs have dots and dashes) is asked by its own property.
    expect(basedOnQuery('P123', 'amzn1.dv.gti.0a1b2c3d-0000-1111-2222-333344445555')).toContain(
      'wdt:P123 "amzn1.dv.gti.0a1b2c3d-0000-1111-2222-333344445555"',
    );
    expect(() => basedOnQuery('P1874', '1" } DROP')).toThrow();
    expect(() => basedOnQuery('P1874 } DROP', '1')).toThrow();
  });
});
