/**
 * What the popup searches and opens: one search document per show, episode, character, actor, volume and book,
 * and a detail view for each, both cut to the viewer's horizon for that show.
 */
import type { IDBPDatabase } from 'idb';
import type { BackstoryDB } from '../db/schema';
import { episodeCode, loadShowData, type ShowData } from '../db/show-data';
import { currentStage, isReached, type ViewerHorizon } from '../pack/horizon';
import type { Book, Character, Horizon } from '../pack/schema';
import {
  type CastEntry,
  type ComicLink,
  castEntry,
  comicLink,
  episodeCast,
  roleIn,
  type SourceLink,
  seasonCast,
  viewOf,
} from './context';

export type DocKind = 'show' | 'character' | 'actor' | 'episode' | 'volume' | 'book';

export type DocFacts =
  | { of: 'show'; seasons: number; creator: string }
  | { of: 'cast'; actor: string | null }
  | { of: 'episode'; show: string; code: string; bonus?: boolean; special?: boolean }
  | { of: 'film'; show: string; status: 'announced' | 'in-production' | 'released' }
  | { of: 'volume'; published: string }
  | { of: 'book'; bookKind: Book['kind']; year: number }
  /** Looked up for a title without a pack (issue 17): not curated, said with its source. */
  | { of: 'lookup'; source: 'tvmaze' | 'wikidata'; detail?: string };

/** How a volume is adapted by an episode: a chapter, the whole season, or the film. */
export type AdaptedVia = { chapter: { number: number; title: string } } | { season: number } | { film: true };

export interface SearchDoc {
  /** Unique across shows: "<kind>:<showId>:<id>". */
  id: string;
  kind: DocKind;
  showId: string;
  /** The show's title: the popup says which show a result belongs to when it searches more than one. */
  showTitle: string;
  entityId: string;
  title: string;
  subtitle: string;
  /** Extra words that should find this document (aliases, the other side of a role). */
  keywords: string;
  /** What the popup says under the title, as data: the popup owns the words. */
  facts: DocFacts;
  /**
   * Set on a cast member the spoiler guard holds back: searchable, so that the popup can say "1 match hidden by
   * your spoiler guard (season 3)" instead of "No results", but never shown unless the viewer asks.
   */
  hidden?: { season: number; code: string };
  /** A looked-up document's page at its source, where it opens (Backstory has no curated page for it). */
  url?: string;
}

function listable(data: ShowData, c: Character, viewer: ViewerHorizon): boolean {
  return isReached(c.listedFrom, viewer, data.order);
}

/** The latest season the viewer has reached (0 before the first episode). */
function reachedSeasonOf(data: ShowData, viewer: ViewerHorizon): number {
  return Math.max(0, ...data.episodes.filter((e) => isReached(e.id, viewer, data.order)).map((e) => e.season));
}

/**
 * A character's roles as far as the viewer has got: a recast that starts in a later season (Titan, voiced by Todd
 * Williams from season 3) says the character is still there then, so it waits. When every role starts later than
 * the viewer (a character listed at the end of a season, voiced from the next), all are kept: who plays them is
 * no secret, and "actor unconfirmed" would be untrue. A role that starts within a season (`from`, a return)
 * counts in that season only from its start.
 */
function rolesSoFar(data: ShowData, c: Character, season: number, visible: (h: Horizon) => boolean): Character {
  const now = c.roles.filter((r) => r.seasons.some((s) => s <= season && roleIn(data, r, s, visible)));
  return now.length === c.roles.length || now.length === 0 ? c : { ...c, roles: now };
}

export function showDocuments(data: ShowData, viewer: ViewerHorizon): SearchDoc[] {
  const showId = data.show.id;
  // `subtitle` holds the words that find a document besides its title (an actor, a creator), never a sentence.
  const doc = (kind: DocKind, entityId: string, title: string, facts: DocFacts, subtitle: string, keywords = ''): SearchDoc => ({
    id: `${kind}:${showId}:${entityId}`,
    kind,
    showId,
    showTitle: data.show.title,
    entityId,
    title,
    subtitle,
    facts,
    keywords,
  });
  const season = reachedSeasonOf(data, viewer);
  const { visible } = viewOf(data, viewer);
  const soFar = (c: Character) => rolesSoFar(data, c, season, visible);
  const characters = data.characters.filter((c) => listable(data, c, viewer)).map(soFar);
  const later = data.characters.filter((c) => !listable(data, c, viewer)).map(soFar);
  const docs: SearchDoc[] = [
    doc(
      'show',
      showId,
      data.show.title,
      { of: 'show', seasons: data.seasons.length, creator: data.show.creator },
      data.show.creator,
      data.show.aliases.join(' '),
    ),
  ];
  // One row per actor–character pair: a search for either name finds the pair once, not an actor row and a
  // character row.
  const roleDocs = (c: Character, hidden?: SearchDoc['hidden']) => {
    const actors = [...new Set(c.roles.map((r) => data.people.get(r.person)?.name ?? '').filter(Boolean))];
    const pairs = actors.length ? actors : [''];
    return pairs.map((actor) => ({
      // The comics' name of a changed character finds it too ("Constantine" finds Johanna).
      ...doc(
        'character',
        c.id,
        c.name,
        { of: 'cast', actor: actor || null },
        actor,
        [...c.aliases, ...(c.change?.comics ?? []), actor].join(' ').trim(),
      ),
      ...(actors.length > 1 ? { id: `character:${showId}:${c.id}:${actor}` } : {}),
      ...(hidden ? { hidden } : {}),
    }));
  };
  for (const c of characters) docs.push(...roleDocs(c));
  for (const c of later) {
    const first = data.episodes.find((e) => e.id === c.listedFrom);
    if (first) docs.push(...roleDocs(c, { season: first.season, code: episodeCode(first) }));
  }
  for (const e of data.episodes)
    docs.push(
      doc(
        'episode',
        e.id,
        e.title,
        {
          of: 'episode',
          show: data.show.title,
          code: episodeCode(e),
          ...(e.bonus ? { bonus: true } : {}),
          ...(e.special ? { special: true } : {}),
        },
        `${data.show.title} ${episodeCode(e)}`,
        // A special's number is only its place in watching order: "s1e9" would find it by a number it does not have.
        e.special ? 'special' : `s${e.season}e${e.number}`,
      ),
    );
  if (data.film)
    docs.push(
      doc(
        'episode',
        data.film.id,
        data.film.title,
        { of: 'film', show: data.show.title, status: data.film.status },
        data.show.title,
        'film movie',
      ),
    );
  for (const vol of data.volumes.values())
    docs.push(
      doc(
        'volume',
        String(vol.number),
        vol.title,
        { of: 'volume', published: vol.published },
        vol.published,
        `volume ${vol.number} vol ${vol.number} comic`,
      ),
    );
  for (const b of data.books.values())
    docs.push(
      doc('book', b.id, b.title, { of: 'book', bookKind: b.kind, year: b.year }, `${b.kind} ${b.year}`, 'book novel novella'),
    );
  return docs;
}

export type EntityDetail =
  | { kind: 'character'; showTitle: string; entry: CastEntry; seasons: number[] }
  | {
      kind: 'episode';
      showTitle: string;
      /** null for the film. */
      code: string | null;
      title: string;
      setup: string | null;
      synopsis: string | null;
      /** Why there is no synopsis: no source gives one, or the viewer has not watched or reached the episode. */
      synopsisState?: 'unconfirmed' | 'unwatched' | 'unreached';
      /** The film's status in the pack's words. */
      statusNote?: string;
      /** `inEpisode`: the episode lists them among who appears in it; the rest are also in its season. */
      cast: { name: string; actors: string[]; inEpisode?: true }[];
      comic: ComicLink[];
      sources: SourceLink[];
    }
  | {
      kind: 'volume';
      showTitle: string;
      title: string;
      published: string;
      arc: string | null;
      /** `code` is null for the film. */
      episodes: { id: string; code: string | null; title: string; via: AdaptedVia }[];
      sources: SourceLink[];
    }
  | {
      kind: 'book';
      showTitle: string;
      title: string;
      bookKind: Book['kind'];
      year: number;
      link: 'source' | 'thematic';
      connection: string;
      sources: SourceLink[];
    }
  | {
      kind: 'show';
      showTitle: string;
      summary: string;
      /** `parts`: how many drops Netflix released the season in. */
      seasons: { number: number; releaseDate: string; parts: number; volumes: number[] }[];
      sources: SourceLink[];
    };

export async function entityDetail(
  db: IDBPDatabase<BackstoryDB>,
  kind: DocKind,
  showId: string,
  id: string,
  viewer: ViewerHorizon,
): Promise<EntityDetail | undefined> {
  const data = await loadShowData(db, showId);
  if (!data) return undefined;
  const view = viewOf(data, viewer);
  const { visible, reached, links } = view;
  const showTitle = data.show.title;
  // A role's seasons are listed only up to the season the viewer has reached: later ones (or their end) spoil.
  const reachedSeason = reachedSeasonOf(data, viewer);

  switch (kind) {
    case 'show':
      return {
        kind,
        showTitle,
        summary: data.show.summary,
        seasons: data.seasons.map((s) => ({
          number: s.number,
          releaseDate: s.releaseDate,
          parts: s.parts?.length ?? 1,
          volumes: s.number <= reachedSeason ? s.volumes : [],
        })),
        sources: links(data.show.sources),
      };
    case 'actor':
    case 'character': {
      const character =
        kind === 'character'
          ? data.characters.find((c) => c.id === id)
          : data.characters.find((c) => c.roles.some((r) => r.person === id) && listable(data, c, viewer));
      if (!character || !listable(data, character, viewer)) return undefined;
      // A role that starts within a season (a return) adds that season only from its start.
      const credited = character.roles.flatMap((r) => r.seasons.filter((s) => roleIn(data, r, s, visible)));
      const seasons = [...new Set([...credited, ...(character.uncreditedSeasons ?? [])])]
        .filter((s) => s <= reachedSeason)
        .sort();
      const entry = castEntry(data, rolesSoFar(data, character, reachedSeason, visible), undefined, view);
      return { kind: 'character', showTitle, entry, seasons };
    }
    case 'episode': {
      if (data.film && id === data.film.id) {
        const f = data.film;
        const shown = visible({ episode: f.id });
        return {
          kind,
          showTitle,
          code: null,
          title: f.title,
          setup: null,
          synopsis: shown ? f.synopsis : null,
          statusNote: f.statusNote,
          cast: [],
          comic: data.adaptations.filter((a) => a.episode === f.id && visible(a.horizon)).map((a) => comicLink(data, a, view)),
          sources: links(f.sources),
        };
      }
      const e = data.episodes.find((x) => x.id === id);
      if (!e) return undefined;
      // The same people, in the same words, as the panel's cast for this episode (one seasonCast, one castEntry).
      const cast = episodeCast(
        e,
        seasonCast(data, e.season, visible)
          .filter((c) => listable(data, c, viewer))
          .map((c) => castEntry(data, c, e.season, view)),
      ).map((entry) => ({
        name: entry.name,
        actors: entry.actors.map((a) => a.name),
        ...(entry.inEpisode ? { inEpisode: true as const } : {}),
      }));
      const comic = data.adaptations
        .filter((a) => (a.episode === e.id || a.season === e.season) && visible(a.horizon))
        .map((a) => comicLink(data, a, view));
      const watched = visible({ episode: e.id });
      return {
        kind,
        showTitle,
        code: episodeCode(e),
        title: e.title,
        setup: reached(e.id) ? e.setup : null,
        synopsis: watched ? e.synopsis : null,
        ...(watched
          ? e.synopsisStatus === 'unconfirmed'
            ? { synopsisState: 'unconfirmed' as const }
            : {}
          : { synopsisState: reached(e.id) ? ('unwatched' as const) : ('unreached' as const) }),
        cast: reached(e.id) ? cast : [],
        comic,
        sources: links(e.sources),
      };
    }
    case 'volume': {
      const vol = data.volumes.get(Number(id));
      if (!vol) return undefined;
      const seasons = new Set(
        data.seasons.filter((s) => s.volumes.includes(vol.number) && s.number <= reachedSeason).map((s) => s.number),
      );
      const direct = data.adaptations.filter((a) => a.volume === vol.number && a.episode && visible(a.horizon));
      const episodes = [
        ...data.episodes
          .filter((e) => seasons.has(e.season) || direct.some((a) => a.episode === e.id))
          .map((e) => {
            const a = direct.find((x) => x.episode === e.id);
            return {
              id: e.id,
              code: episodeCode(e),
              title: e.title,
              via: a?.chapter ? { chapter: { number: a.chapter.number, title: a.chapter.title } } : { season: e.season },
            };
          }),
        ...(data.film && direct.some((a) => a.episode === data.film?.id)
          ? [{ id: data.film.id, code: null, title: data.film.title, via: { film: true as const } }]
          : []),
      ];
      return {
        kind,
        showTitle,
        title: vol.title,
        published: vol.published,
        arc: visible(vol.arcHorizon) ? vol.arc : null,
        episodes,
        sources: links(vol.sources),
      };
    }
    case 'book': {
      const b = data.books.get(id);
      if (!b) return undefined;
      const stage = currentStage(b.connections, visible) ?? b.connections[0];
      return {
        kind,
        showTitle,
        title: b.title,
        bookKind: b.kind,
        year: b.year,
        link: b.link,
        connection: stage?.text ?? '',
        sources: links([...new Set([...(stage?.sources ?? []), ...b.sources])]),
      };
    }
  }
}
