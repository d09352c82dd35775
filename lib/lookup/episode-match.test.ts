import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchEpisode } from './episode-match';
import { parseEpisodes } from './tvmaze';

// Stranger Things as TVmaze listed it (a real response): every title starts "Chapter One:".
const episodes = parseEpisodes(
  JSON.parse(readFileSync('tests/fixtures/providers/tvmaze-episodes.stranger-things.netflix.json', 'utf8')).response,
);

describe('finding the episode Netflix plays among TVmaze’s', () => {
  it('takes the season and number when the titles agree', () => {
    expect(matchEpisode(episodes, { season: 2, episode: 1, title: 'Chapter One: MADMAX' })).toMatchObject({
      episode: { id: 909340 },
      ordinal: 2,
    });
  });

  it('goes by the title when Netflix numbers it otherwise, and by the number when Netflix gives no title', () => {
    expect(matchEpisode(episodes, { season: 4, episode: 7, title: 'The Hellfire Club' })?.episode.id).toBe(1752754);
    expect(matchEpisode(episodes, { season: 1, episode: 1 })?.episode.id).toBe(553946);
  });

  it('refuses a number whose title is another episode’s, and a title it does not have', () => {
    expect(matchEpisode(episodes, { season: 1, episode: 1, title: 'Chapter Two: The Weirdo on Maple Street' })).toBeUndefined();
    expect(matchEpisode(episodes, { season: 9, episode: 9 })).toBeUndefined();
  });

  it('leaves specials out of the count', () => {
    const withSpecial = [{ id: 1, name: 'Behind the Scenes', season: 1, number: null }, ...episodes];
    expect(matchEpisode(withSpecial, { season: 2, episode: 1 })?.ordinal).toBe(2);
    expect(matchEpisode(withSpecial, { season: 1, title: 'Behind the Scenes' })).toBeUndefined();
  });
});
