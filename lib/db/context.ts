/**
 * What the panel shows for one episode, cut to the viewer's horizon. Anything beyond the horizon is replaced by
 * an opaque handle and a neutral label, so its text never reaches the page; `revealItem` returns one item on request.
 */
import type { IDBPDatabase } from 'idb';
import { isVisible, type ViewerHorizon } from '../pack/horizon';
import type { Adaptation, Character, Horizon, Note, Source } from '../pack/schema';
import type { BackstoryDB, EpisodeRecord } from './schema';
import { episodeCode, loadShowData, type ShowData } from './show-data';

export interface SourceLink {
  key: string;
  title: string;
  url?: string;
  note?: string;
}
export interface VisibleNote {
  id: string;
  text: string;
  kind: Note['about']['kind'];
  /** True when the note is beyond the horizon and was shown because the viewer asked. */
  revealed?: boolean;
  sources: SourceLink[];
}
/** What stands in for an item beyond the horizon: an opaque handle, and nothing about the item itself. */
export interface HiddenItem {
  handle: string;
}
export interface CastEntry {
  characterId: string;
  name: string;
  actors: { name: string; credit?: string }[];
  billing: 'main' | 'recurring' | 'guest';
  origin: Character['origin'];
  originBook?: string;
  summary: string;
  notes: VisibleNote[];
  hidden: HiddenItem[];
  sources: SourceLink[];
}
export interface ComicLink {
  id: string;
  fidelity: Adaptation['fidelity'];
  scope: 'episode' | 'season';
  volume?: number;
  volumeTitle?: string;
  chapter?: { number: number; title: string };
  book?: string;
  note: string;
  sources: SourceLink[];
}
export interface KeepReading {
  volume: number;
  title: string;
  text: string;
}
export interface EpisodeContext {
  show: { id: string; title: string };
  episode: {
    id: string;
    season: number;
    number: number;
    code: string;
    title: string;
    synopsis: string | null;
    synopsisStatus: EpisodeRecord['synopsisStatus'];
    sources: SourceLink[];
  };
  horizon: { episodeOrdinal: number; volume: number; label: string };
  /** The viewer's reading progress, for the panel's "Comics read" control. */
  reading: { readVolume: number; volumeCount: number };
  cast: CastEntry[];
  hiddenCast: HiddenItem[];
  episodeNotes: VisibleNote[];
  comic: ComicLink[];
  hiddenComic: HiddenItem[];
  keepReading: KeepReading | null;
}

/** A stable, meaningless token for an item, so a placeholder can ask for it without naming it. */
export function hiddenHandle(showId: string, kind: string, id: string): string {
  let hash = 0x811c9dc5;
  for (const ch of `${showId}|${kind}|${id}`) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `h${hash.toString(36)}`;
}

/** Makes the stand-ins for one show's hidden items. */
export function hiderFor(showId: string): (kind: string, id: string) => HiddenItem {
  return (kind, id) => ({ handle: hiddenHandle(showId, kind, id) });
}

export function sourceLinks(keys: string[], sources: Map<string, Source>): SourceLink[] {
  return keys.flatMap((key) => {
    const s = sources.get(key);
    return s ? [{ key, title: s.title, url: s.url, note: s.note }] : [];
  });
}

const BILLING_ORDER = { main: 0, recurring: 1, guest: 2 } as const;

export function horizonLabel(data: ShowData, viewer: ViewerHorizon): string {
  if (!Number.isFinite(viewer.episodeOrdinal)) return 'Spoiler guard off';
  const at = data.episodes.find((e) => e.ordinal === viewer.episodeOrdinal);
  const where = at ? `up to ${episodeCode(at)}` : 'from the start';
  return viewer.volume > 0 ? `${where}, read to Volume ${viewer.volume}` : where;
}

export async function episodeContext(
  db: IDBPDatabase<BackstoryDB>,
  showId: string,
  episodeId: string,
  viewer: ViewerHorizon,
  readVolume = 0,
): Promise<EpisodeContext | undefined> {
  const data = await loadShowData(db, showId);
  const episode = data?.episodes.find((e) => e.id === episodeId);
  if (!data || !episode) return undefined;
  const visible = (h: Horizon) => isVisible(h, viewer, data.order);
  const links = (keys: string[]) => sourceLinks(keys, data.sources);
  const hide = hiderFor(showId);

  const inSeason = data.characters.filter(
    (c) => c.roles.some((r) => r.seasons.includes(episode.season)) || c.uncreditedSeasons?.includes(episode.season),
  );
  const listable = (c: Character) => visible({ episode: c.listedFrom });
  const cast = inSeason
    .filter(listable)
    .map((c) => castEntry(data, c, episode.season, visible, links, hide))
    .sort((a, b) => BILLING_ORDER[a.billing] - BILLING_ORDER[b.billing]);
  const hiddenCast = inSeason.filter((c) => !listable(c)).map((c) => hide('character', c.id));

  const episodeNotes = data.notes
    .filter((n) => n.about.kind === 'episode' && n.about.ids.includes(episode.id) && visible(n.horizon))
    .map((n) => visibleNote(n, links));

  const relevant = data.adaptations.filter((a) => a.episode === episode.id || a.season === episode.season);
  const comic = relevant.filter((a) => visible(a.horizon)).map((a) => comicLink(data, a, links));
  comic.sort((a, b) => (a.scope === b.scope ? 0 : a.scope === 'episode' ? -1 : 1));
  const hiddenComic = relevant.filter((a) => !visible(a.horizon)).map((a) => hide('adaptation', a.id));

  return {
    show: { id: data.show.id, title: data.show.title },
    episode: {
      id: episode.id,
      season: episode.season,
      number: episode.number,
      code: episodeCode(episode),
      title: episode.title,
      // The synopsis of the episode on screen is within any horizon that includes it.
      synopsis: visible({ episode: episode.id }) ? episode.synopsis : null,
      synopsisStatus: episode.synopsisStatus,
      sources: links(episode.sources),
    },
    horizon: { episodeOrdinal: viewer.episodeOrdinal, volume: viewer.volume, label: horizonLabel(data, viewer) },
    reading: { readVolume, volumeCount: data.volumes.size },
    cast,
    hiddenCast,
    episodeNotes,
    comic,
    hiddenComic,
    keepReading: keepReading(data, episode, viewer),
  };
}

/** A character as the panel and the popup show it; with a season, only that season's roles count. */
export function castEntry(
  data: ShowData,
  c: Character,
  season: number | undefined,
  visible: (h: Horizon) => boolean,
  links: (keys: string[]) => SourceLink[],
  hide: (kind: string, id: string) => HiddenItem,
): CastEntry {
  const roles = season === undefined ? c.roles : c.roles.filter((r) => r.seasons.includes(season));
  const notes = data.notes.filter(
    (n) => n.about.kind !== 'episode' && n.about.kind !== 'adaptation' && n.about.ids.includes(c.id),
  );
  return {
    characterId: c.id,
    name: c.name,
    actors: roles.map((r) => ({ name: data.people.get(r.person)?.name ?? r.person, credit: r.credit })),
    billing: roles.reduce<CastEntry['billing']>(
      (best, r) => (BILLING_ORDER[r.billing] < BILLING_ORDER[best] ? r.billing : best),
      'guest',
    ),
    origin: c.origin,
    originBook: c.originBook ? data.books.get(c.originBook)?.title : undefined,
    summary: c.summary,
    notes: notes.filter((n) => visible(n.horizon)).map((n) => visibleNote(n, links)),
    hidden: notes.filter((n) => !visible(n.horizon)).map((n) => hide('note', n.id)),
    sources: links(c.sources),
  };
}

export function visibleNote(n: Note, links: (keys: string[]) => SourceLink[], revealed = false): VisibleNote {
  return { id: n.id, text: n.text, kind: n.about.kind, sources: links(n.sources), ...(revealed ? { revealed } : {}) };
}

export function comicLink(data: ShowData, a: Adaptation, links: (keys: string[]) => SourceLink[]): ComicLink {
  return {
    id: a.id,
    fidelity: a.fidelity,
    scope: a.episode ? 'episode' : 'season',
    volume: a.volume,
    volumeTitle: a.volume === undefined ? undefined : data.volumes.get(a.volume)?.title,
    chapter: a.chapter,
    book: a.book ? data.books.get(a.book)?.title : undefined,
    note: a.note,
    sources: links(a.sources),
  };
}

/** Where to pick up the comics after this episode, using the finest granularity the pack knows. */
export function keepReading(data: ShowData, episode: EpisodeRecord, viewer: ViewerHorizon): KeepReading | null {
  const season = data.seasons.find((s) => s.number === episode.season);
  if (!season || season.volumes.length === 0) return null;
  const title = (n: number) => data.volumes.get(n)?.title ?? `Volume ${n}`;
  const lastInSeason = !data.episodes.some((e) => e.season === episode.season && e.number > episode.number);
  const chaptered = data.adaptations.find((a) => a.episode === episode.id && a.chapter && a.volume !== undefined);
  let volume: number;
  let text: string;
  if (lastInSeason) {
    volume = Math.max(...season.volumes) + 1;
    if (!data.volumes.has(volume)) return null;
    const film = data.adaptations.some((a) => a.episode === data.film?.id && a.volume === volume);
    text = `Season ${season.number} covers Volumes ${season.volumes.join(' and ')}. The story continues in ${title(volume)}${film ? ', which the film adapts' : ''}.`;
  } else if (chaptered?.chapter && chaptered.volume !== undefined) {
    volume = chaptered.volume;
    text = `This episode follows chapter ${chaptered.chapter.number}, "${chaptered.chapter.title}", in ${title(volume)}. Read on from the chapter after it.`;
  } else {
    volume = Math.min(...season.volumes);
    text = `Season ${season.number} adapts Volumes ${season.volumes.join(' and ')}: read them alongside it.`;
  }
  if (Number.isFinite(viewer.volume) && viewer.volume >= volume) {
    const next = viewer.volume + 1;
    if (!data.volumes.has(next))
      return { volume: viewer.volume, title: title(viewer.volume), text: 'You have read every volume.' };
    return { volume: next, title: title(next), text: `You have read up to Volume ${viewer.volume}, so ${title(next)} is next.` };
  }
  return { volume, title: title(volume), text };
}

export type RevealedItem =
  | { kind: 'note'; note: VisibleNote }
  | { kind: 'character'; entry: CastEntry }
  | { kind: 'adaptation'; link: ComicLink };

/** One hidden item, by its handle, for a viewer who asked to see it. */
export async function revealItem(
  db: IDBPDatabase<BackstoryDB>,
  showId: string,
  season: number,
  handle: string,
): Promise<RevealedItem | undefined> {
  const data = await loadShowData(db, showId);
  if (!data) return undefined;
  const links = (keys: string[]) => sourceLinks(keys, data.sources);
  const note = data.notes.find((n) => hiddenHandle(showId, 'note', n.id) === handle);
  if (note) return { kind: 'note', note: visibleNote(note, links, true) };
  const character = data.characters.find((c) => hiddenHandle(showId, 'character', c.id) === handle);
  if (character) {
    // A revealed cast member shows only their introduction; their own notes stay behind placeholders.
    const entry = castEntry(data, character, season, () => false, links, hiderFor(showId));
    return { kind: 'character', entry };
  }
  const adaptation = data.adaptations.find((a) => hiddenHandle(showId, 'adaptation', a.id) === handle);
  if (adaptation) return { kind: 'adaptation', link: comicLink(data, adaptation, links) };
  return undefined;
}
