import { describe, expect, it } from 'vitest';
import { cleanText, parseEpisodeCode, parseTitleParts } from './title-parser';

describe('parseEpisodeCode', () => {
  it.each([
    ['S1:E3', { season: 1, episode: 3 }],
    ['S2: E1', { season: 2, episode: 1 }],
    ['T1:E3', { season: 1, episode: 3 }], // Spanish, Portuguese: Temporada
    ['Staffel 1, Folge 3', { season: 1, episode: 3 }],
    ['Temporada 2 Episodio 5', { season: 2, episode: 5 }],
    ['Season 3: Episode 8', { season: 3, episode: 8 }],
    ['E3', { episode: 3 }],
    ['Episode 13', { episode: 13 }],
    ['Ep. 4', { episode: 4 }],
    ['Flg. 3', { episode: 3 }], // German: Folge
    ['Épisode 2', { episode: 2 }],
    ['Aflevering 7', { episode: 7 }],
    ['1화', { episode: 1 }], // Korean
    ['第3話', { episode: 3 }], // Japanese
    ['第12集', { episode: 12 }], // Chinese
    ['Серия 6', { episode: 6 }], // Russian
    ['Bölüm 4', { episode: 4 }], // Turkish
  ])('%s', (text, expected) => {
    expect(parseEpisodeCode(text)).toEqual(expected);
  });

  it.each(['Kiss', '', 'Heartstopper', 'Chapter One of Many', 'S0:E0', '2024 Special Report Edition'])('rejects %j', (text) => {
    expect(parseEpisodeCode(text)).toBeUndefined();
  });
});

describe('parseTitleParts', () => {
  it('reads show, code and episode title from separate spans', () => {
    expect(parseTitleParts(['Heartstopper', 'S1:E3', 'Kiss'])).toEqual({
      showTitle: 'Heartstopper',
      season: 1,
      episode: 3,
      episodeTitle: 'Kiss',
    });
  });

  it('reads a German label', () => {
    expect(parseTitleParts(['Heartstopper', 'Flg. 2', 'Crush'])).toEqual({
      showTitle: 'Heartstopper',
      episode: 2,
      episodeTitle: 'Crush',
    });
  });

  it('reads a code joined to the title in one run of text', () => {
    expect(parseTitleParts(['Heartstopper', 'S2:E6 Truth/Dare'])).toEqual({
      showTitle: 'Heartstopper',
      season: 2,
      episode: 6,
      episodeTitle: 'Truth/Dare',
    });
  });

  it('gives only a title for a movie', () => {
    expect(parseTitleParts(['Some Film'])).toEqual({ showTitle: 'Some Film' });
  });

  it('returns nothing for an empty block', () => {
    expect(parseTitleParts(['', '  '])).toEqual({});
  });

  it('keeps markup as inert text and strips invisible characters', () => {
    expect(parseTitleParts(['<img src=x onerror=alert(1)>\u202e\u200b', 'E1'])).toEqual({
      showTitle: '<img src=x onerror=alert(1)>',
      episode: 1,
    });
  });

  it('caps very long text', () => {
    expect(cleanText('x'.repeat(10_000))).toHaveLength(200);
  });
});

describe('parseTitleParts on real-shaped blocks [S11, S15, S16, S19]', () => {
  it.each([
    [
      ['Friends', 'E6', 'The One with the Halloween Party'],
      { showTitle: 'Friends', episode: 6, episodeTitle: 'The One with the Halloween Party' },
    ],
    [['약사의 혼잣말', '1화', '마오마오'], { showTitle: '약사의 혼잣말', episode: 1, episodeTitle: '마오마오' }],
    [['Heartstopper', 'Flg. 5', 'Friend'], { showTitle: 'Heartstopper', episode: 5, episodeTitle: 'Friend' }],
    [['Heartstopper', 'Kiss'], { showTitle: 'Heartstopper', episodeTitle: 'Kiss' }],
    [['El Camino'], { showTitle: 'El Camino' }],
  ])('%j', (parts, expected) => {
    expect(parseTitleParts(parts)).toEqual(expected);
  });
});
