import { describe, expect, it } from 'vitest';
import { seededDb } from '../../tests/support/seeded-db';
import { loadShowData } from '../db/show-data';
import { viewerHorizon } from '../pack/horizon';
import { entityDetail } from './catalog';
import { episodeContext } from './context';

describe('one cast for the panel and the popup', () => {
  it('lists the same characters and actors for every episode, credited or not', async () => {
    const db = await seededDb();
    const data = await loadShowData(db, 'heartstopper');
    for (const e of data?.episodes ?? []) {
      const viewer = viewerHorizon('furthest', e.ordinal, e.ordinal, 0);
      const panel = await episodeContext(db, 'heartstopper', e.id, viewer);
      const popup = await entityDetail(db, 'episode', 'heartstopper', e.id, viewer);
      if (popup?.kind !== 'episode' || !panel) throw new Error(`no view of ${e.id}`);
      const people = (list: { name: string; actors: (string | { name: string })[] }[]) =>
        list.map((c) => `${c.name}: ${c.actors.map((a) => (typeof a === 'string' ? a : a.name)).join(', ')}`).sort();
      expect(people(popup.cast), e.id).toEqual(people(panel.cast));
    }
  });

  it('starts both with who is in the episode, in the same order, then the rest of the season', async () => {
    const db = await seededDb();
    const data = await loadShowData(db, 'heartstopper');
    for (const e of data?.episodes ?? []) {
      const viewer = viewerHorizon('furthest', e.ordinal, e.ordinal, 0);
      const panel = await episodeContext(db, 'heartstopper', e.id, viewer);
      const popup = await entityDetail(db, 'episode', 'heartstopper', e.id, viewer);
      if (popup?.kind !== 'episode' || !panel) throw new Error(`no view of ${e.id}`);
      const lines = (list: { name: string; inEpisode?: true }[]) =>
        list.map((c) => `${c.inEpisode ? 'here' : 'season'}: ${c.name}`);
      expect(lines(popup.cast), e.id).toEqual(lines(panel.cast));
      const here = panel.cast.filter((c) => c.inEpisode).map((c) => c.characterId);
      // Everyone the pack lists in the episode and the viewer may see, first; no one else marked.
      const listed = new Set(panel.cast.map((c) => c.characterId));
      expect([...here].sort(), e.id).toEqual((e.appears ?? []).filter((id) => listed.has(id)).sort());
      expect(
        panel.cast.slice(0, here.length).every((c) => c.inEpisode),
        e.id,
      ).toBe(true);
    }
  });
});
