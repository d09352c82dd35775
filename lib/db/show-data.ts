/** Loads one show's pack records from the cache, typed by kind. */
import type { IDBPDatabase } from 'idb';
import type { Adaptation, Book, Character, Film, Note, Person, Season, Source, Volume } from '../pack/schema';
import type { BackstoryDB, EntityKind, EpisodeRecord, ShowRecord } from './schema';

export interface ShowData {
  show: ShowRecord;
  episodes: EpisodeRecord[];
  seasons: Season[];
  film?: Film;
  people: Map<string, Person>;
  characters: Character[];
  volumes: Map<number, Volume>;
  books: Map<string, Book>;
  adaptations: Adaptation[];
  notes: Note[];
  sources: Map<string, Source>;
  /** Episode id (and "film") -> position in broadcast order. */
  order: Map<string, number>;
}

export async function loadShowData(db: IDBPDatabase<BackstoryDB>, showId: string): Promise<ShowData | undefined> {
  const tx = db.transaction(['shows', 'episodes', 'entities'], 'readonly');
  const [show, episodes, entities] = await Promise.all([
    tx.objectStore('shows').get(showId),
    tx.objectStore('episodes').index('by-show').getAll(showId),
    tx.objectStore('entities').index('by-show').getAll(showId),
  ]);
  if (!show) return undefined;
  entities.sort((a, b) => a.position - b.position);
  const of = <T>(kind: EntityKind) => entities.filter((e) => e.kind === kind).map((e) => e.value as T);
  episodes.sort((a, b) => a.ordinal - b.ordinal);
  const film = of<Film>('film')[0];
  const order = new Map(episodes.map((e) => [e.id, e.ordinal]));
  if (film) order.set(film.id, episodes.length + 1);
  return {
    show,
    episodes,
    seasons: of<Season>('season').sort((a, b) => a.number - b.number),
    film,
    people: new Map(of<Person>('person').map((p) => [p.id, p])),
    characters: of<Character>('character'),
    volumes: new Map(of<Volume>('volume').map((vol) => [vol.number, vol])),
    books: new Map(of<Book>('book').map((b) => [b.id, b])),
    adaptations: of<Adaptation>('adaptation'),
    notes: of<Note>('note'),
    sources: new Map(of<Source>('source').map((s) => [s.key, s])),
    order,
  };
}

/**
 * The code viewers know an episode by, for example "S1 · E2". A special outside the season's numbering is "SP":
 * its season and number in the pack only place it in watching order (Invincible: Atom Eve follows the season 1
 * finale, but whether Prime Video files it under season 1 or 2 is unconfirmed), and showing either would invent it.
 */
export function episodeCode(e: { season: number; number: number; special?: boolean }): string {
  return e.special ? 'SP' : `S${e.season} · E${e.number}`;
}
