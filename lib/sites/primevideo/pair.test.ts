import { describe, expect, it } from 'vitest';
import { entry, GTI1, GTI2 } from '../../../tests/support/prime-catalog';
import type { CatalogEntry } from './catalog-bridge';
import { pairCatalog, pickEntry } from './pair';

const parts = (episode: number, title: string) => ['Heartstopper', `S1 E${episode} ${title}`];

describe('pairing Prime Video’s catalog with the screen', () => {
  it('pairs the entry that says what the screen says, not the newest, and the newest when the screen names no episode', () => {
    const entries = [entry(GTI1, 1, 'Meet', 1), entry(GTI2, 2, 'Crush', 2)];
    expect(pickEntry(entries, parts(1, 'Meet'))?.gti).toBe(GTI1);
    expect(pickEntry(entries, undefined)?.gti).toBe(GTI2);
    expect(pickEntry(entries, ['Heartstopper', ''])?.gti).toBe(GTI2);
    expect(pickEntry([], parts(1, 'Meet'))).toBeUndefined();
  });

  it('pairs nothing when the screen names an episode no entry is (Prime audit 1, F2)', () => {
    // The hook missed this episode's catalog: the newest is another episode's, and a correction the viewer makes
    // for what they see would be kept under that episode's GTI. With no video id the screen's guess stands alone.
    const entries = [entry(GTI1, 1, 'Meet', 1), entry(GTI2, 3, 'Kiss', 2)];
    expect(pickEntry(entries, parts(2, 'Crush'))).toBeUndefined();
    expect(pairCatalog(entries, parts(2, 'Crush'))).toBeUndefined();
  });

  it('compares shows loosely: case, accents and a version tag aside; the old arm’s line too', () => {
    const entries = [{ ...entry(GTI1, 4, 'Ghouls', 1), seriesTitle: 'Héartstopper [dt./OV]' }, entry(GTI2, 5, 'Next', 2)];
    expect(pickEntry(entries, ['HEARTSTOPPER', 'Season 1, Ep.4The Ghouls'])?.gti).toBe(GTI1);
  });

  it('makes the entry’s GTI the video id and the signal’s, its fields as the page wrote them', () => {
    expect(pairCatalog([entry(GTI1, 1, 'Meet', 1)], parts(1, 'Meet'))).toEqual({
      videoId: GTI1,
      value: { videoId: GTI1, showTitle: 'Heartstopper', season: 1, episode: 1, episodeTitle: 'Meet' },
    });
    const movie: CatalogEntry = { gti: GTI2, type: 'movie', title: 'Carol', at: 1 };
    expect(pairCatalog([movie], ['Carol', ''])).toEqual({
      videoId: GTI2,
      value: { videoId: GTI2, type: 'movie', showTitle: 'Carol' },
    });
    expect(pairCatalog([], parts(1, 'Meet'))).toBeUndefined();
  });
});
