import { describe, expect, it } from 'vitest';
import { parseEpisodeLine } from './episode-line';

describe('parseEpisodeLine', () => {
  it.each([
    ['Season 1, Ep. 4 The Ghouls', 1, 4, 'The Ghouls'],
    ['Season 1, Ep.3The Case of the Unarmed Man', 1, 3, 'The Case of the Unarmed Man'],
    ['S1 E2 Red Hair and Silver Tape', 1, 2, 'Red Hair and Silver Tape'],
    ['S1 E1 The Mentalist: Season 1 Episode 1 Pilot', 1, 1, 'The Mentalist: Season 1 Episode 1 Pilot'],
    ['Saison 1, ép. 1 Passez dans mon bureau', 1, 1, 'Passez dans mon bureau'],
    ['Saison 1, épisode 2 Le retour', 1, 2, 'Le retour'],
    ['Staffel 2, F. 1 Anfang', 2, 1, 'Anfang'],
    ['T1 Ep.2 Começo', 1, 2, 'Começo'],
    ['シーズン1、エピソード1 タイトル', 1, 1, 'タイトル'],
    ['S2 E10 1917', 2, 10, '1917'],
  ])('%s', (text, season, episode, episodeTitle) => {
    expect(parseEpisodeLine(text)).toEqual({ season, episode, episodeTitle });
  });

  it('keeps a line without numbers as a title, and nothing as nothing', () => {
    expect(parseEpisodeLine('Bonus: behind the scenes')).toEqual({ episodeTitle: 'Bonus: behind the scenes' });
    expect(parseEpisodeLine('')).toEqual({});
    expect(parseEpisodeLine(undefined)).toEqual({});
  });

  it('drops control characters and keeps the length bounded', () => {
    const parsed = parseEpisodeLine(`S1 E2 ${'\u202e'}Long${'x'.repeat(500)}`);
    expect(parsed.episode).toBe(2);
    expect((parsed.episodeTitle ?? '').length).toBeLessThanOrEqual(200);
    expect(parsed.episodeTitle).not.toContain('\u202e');
  });
});
