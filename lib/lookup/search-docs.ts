/**
 * What the popup can search among the titles looked up (issue 17): each show as TVmaze has it, its mainstays
 * (the cast the panel shows without an episode to go by: the rest may join later, so they stay out), and the
 * works Wikidata says it is based on. Labelled by source, and opened at that source: Backstory has no curated
 * page for them.
 */
import type { IDBPDatabase } from 'idb';
import { listFresh } from '../db/lookup-cache';
import type { BackstoryDB } from '../db/schema';
import type { SearchDoc } from '../views/catalog';
import { splitCumulativeCast } from './cast-rule';
import type { TvmazeCastMember, TvmazeEpisode, TvmazeShow } from './tvmaze';
import type { BasedOn } from './wikidata';

const TVMAZE_KEY = 'wd:basedon:tvmaze:';

/** The show id lookup documents carry: a looked-up show is no pack's. */
export const LOOKUP_SHOW = (tvmazeId: number) => `tvmaze-${tvmazeId}`;

export async function lookupDocuments(db: IDBPDatabase<BackstoryDB>): Promise<{ key: string; docs: SearchDoc[] }> {
  const [shows, sources] = await Promise.all([listFresh(db, 'tvmaze:show:'), listFresh(db, 'wd:basedon:')]);
  // Asked by a site's id, Wikidata names the TVmaze id; asked by the TVmaze id, the key does.
  const basedOn = new Map<string, BasedOn>();
  for (const { key, value } of sources) {
    const found = value as BasedOn | undefined;
    const tvmazeId = key.startsWith(TVMAZE_KEY) ? key.slice(TVMAZE_KEY.length) : found?.tvmazeId;
    if (found && tvmazeId !== undefined) basedOn.set(String(tvmazeId), found);
  }
  const docs: SearchDoc[] = [];
  for (const record of shows) {
    if (!record.found) continue;
    const { show, cast } = record.value as { show: TvmazeShow; cast: TvmazeCastMember[]; episodes: TvmazeEpisode[] };
    const showId = LOOKUP_SHOW(show.id);
    const base = { showId, showTitle: show.name, keywords: '' };
    docs.push({
      ...base,
      id: `show:${showId}`,
      kind: 'show',
      entityId: showId,
      title: show.name,
      subtitle: '',
      facts: { of: 'lookup', source: 'tvmaze', ...(show.year ? { detail: String(show.year) } : {}) },
      url: show.url,
    });
    const { shown } = splitCumulativeCast({ cast, guests: [], firstSeen: new Map() });
    for (const member of shown)
      docs.push({
        ...base,
        id: `character:${showId}:${member.characterId}-${member.personId}`,
        kind: 'character',
        entityId: String(member.characterId),
        title: member.character,
        subtitle: member.person,
        keywords: member.person,
        facts: { of: 'lookup', source: 'tvmaze', detail: member.person },
        url: member.url ?? show.url,
      });
    for (const work of basedOn.get(String(show.id))?.works ?? [])
      docs.push({
        ...base,
        id: `book:${showId}:${work.qid}`,
        kind: 'book',
        entityId: work.qid,
        title: work.title,
        subtitle: work.authors.join(' '),
        keywords: work.authors.join(' '),
        facts: { of: 'lookup', source: 'wikidata', detail: show.name },
        url: work.url,
      });
  }
  // What the documents were made from: the index is rebuilt when a record is added, replaced or cleared.
  return { key: [...shows, ...sources].map((r) => `${r.key}@${r.fetchedAt}`).join(','), docs };
}
