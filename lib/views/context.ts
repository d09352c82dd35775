/**
 * What the panel shows for one episode, cut to the viewer's horizon. Anything beyond the horizon is replaced by
 * an opaque handle and a neutral label, so its text never reaches the page; `revealItem` returns one item on request.
 */
import type { IDBPDatabase } from 'idb';
import type { BackstoryDB, EpisodeRecord, ProgressRecord } from '../db/schema';
import { episodeCode, loadShowData, type ShowData } from '../db/show-data';
import { currentStage, isReached, isVisible, type ViewerHorizon } from '../pack/horizon';
import type { Adaptation, Character, Horizon, IssueRange, Note, Role, Source } from '../pack/schema';

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
  /** Set when it is about the episode on screen, which is not watched yet: showing it spoils this episode. */
  thisEpisode?: true;
}
export interface CastEntry {
  characterId: string;
  name: string;
  actors: { name: string; credit?: string }[];
  /** Our grouping by how much of the story the character carries (not the credits). */
  group: 'central' | 'supporting' | 'guest';
  origin: Character['origin'];
  originBook?: string;
  /** How the show changed the character from the comics (safe from the listing: about the adaptation). */
  change?: Character['change'];
  summary: string;
  notes: VisibleNote[];
  hidden: HiddenItem[];
  sources: SourceLink[];
  /** Set when the episode in view lists the character among those who appear in it (pack format 5). */
  inEpisode?: true;
}
export interface ComicLink {
  id: string;
  fidelity: Adaptation['fidelity'];
  scope: 'episode' | 'season';
  volume?: number;
  volumeTitle?: string;
  chapter?: { number: number; title: string };
  /** The issues adapted, where the comic is numbered by issue; or the span of an arc. */
  issues?: Adaptation['issues'];
  issueRange?: Adaptation['issueRange'];
  book?: string;
  note: string;
  /** Notes about this piece of the adaptation, within the horizon. */
  notes: VisibleNote[];
  sources: SourceLink[];
}
/**
 * Where to read on, as data: the panel words it (components/panel/keep-reading-text.ts), so that the background
 * returns no sentences. `volume` and `title` are the volume to read next.
 */
export type KeepReading = {
  volume: number;
  title: string;
  /** The issues that volume collects, where the comic is numbered by issue ("continue with #21–28"). */
  issues?: IssueRange[];
} /** This episode adapts part of a chapter, and the next episode goes on with it. */ & (
  | { why: 'chapter-continues'; chapter: { number: number; title: string } }
  /** This episode adapts these issues of `volume`; `next`: the issues the next episode goes on with, if known. */
  | { why: 'issues'; adapted: number[]; next?: number[] }
  /** This episode takes the story to the end of a chapter. */
  | { why: 'chapter-ends'; chapter: { number: number; title: string } }
  /** The last episode of a season: it covers these volumes; the next volume goes with a later season or the film. */
  | { why: 'season-ends'; season: number; volumes: number[]; nextWith?: { season: number } | { film: true } }
  /** No chapter is known for this episode: the season adapts these volumes. */
  | { why: 'season-adapts'; season: number; volumes: number[] }
  /** The viewer has read every volume. */
  | { why: 'read-all' }
  /** The viewer has read up to a volume; the next one is `volume`. */
  | { why: 'read-up-to'; read: number }
);
export interface EpisodeContext {
  show: { id: string; title: string };
  episode: {
    id: string;
    season: number;
    number: number;
    code: string;
    title: string;
    /** Safe from the episode's first minute. */
    setup: string | null;
    /** What happens: only once the episode is watched (or the viewer asked, through `synopsisHidden`). */
    synopsis: string | null;
    /** The handle that reveals the synopsis of an episode not yet watched; null when there is nothing held. */
    synopsisHidden: HiddenItem | null;
    synopsisStatus: EpisodeRecord['synopsisStatus'];
    sources: SourceLink[];
  };
  /** The viewer's horizon: the episode it reaches (its code; none: from the start; off: the guard is off), and the volume read. */
  horizon: { episodeOrdinal: number; volume: number; upTo: string | null; off: boolean };
  /** The viewer's reading progress, for the panel's "Comics read" control. */
  reading: {
    readVolume: number;
    volumeCount: number;
    /** The episode the viewer has watched up to, if any. */
    watchedUpTo: string | null;
    /** The viewer has said where they are, or Backstory has seen them watch or read: no need to ask. */
    placed: boolean;
  };
  cast: CastEntry[];
  hiddenCast: HiddenItem[];
  episodeNotes: VisibleNote[];
  hiddenEpisodeNotes: HiddenItem[];
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

/** The links for some source keys: only those whose own horizon is reached (a link can give a later event away). */
export function sourceLinks(keys: string[], sources: Map<string, Source>, visible: (h: Horizon) => boolean): SourceLink[] {
  return keys.flatMap((key) => {
    const s = sources.get(key);
    return s && visible(s.horizon) ? [{ key, title: s.title, url: s.url, note: s.note }] : [];
  });
}

/** Helpers bound to one show and one viewer, shared by the panel's and the popup's views. */
export function viewOf(data: ShowData, viewer: ViewerHorizon) {
  const visible = (h: Horizon) => isVisible(h, viewer, data.order);
  return {
    visible,
    reached: (episodeId: string) => isReached(episodeId, viewer, data.order),
    links: (keys: string[]) => sourceLinks(keys, data.sources, visible),
    hide: hiderFor(data.show.id),
  };
}
export type View = ReturnType<typeof viewOf>;

/**
 * Whether a role counts in a season at the viewer's point: a role that starts within a season (`from`: a return
 * the season's cast would tell) counts in that season only once its start is reached. Without `visible`, every
 * role of the season counts (who the season has at all).
 */
export function roleIn(data: ShowData, r: Role, season: number, visible?: (h: Horizon) => boolean): boolean {
  if (!r.seasons.includes(season)) return false;
  if (!r.from || !visible) return true;
  const start = data.episodes.find((e) => e.id === r.from?.episode);
  return (start !== undefined && start.season !== season) || visible(r.from);
}

/**
 * Who is in a season, for the panel and the popup alike: credited roles and uncredited appearances; with
 * `visible`, as far as the viewer has got (a role held back by its `from` does not count yet).
 */
export function seasonCast(data: ShowData, season: number, visible?: (h: Horizon) => boolean): Character[] {
  return data.characters.filter(
    (c) => c.roles.some((r) => roleIn(data, r, season, visible)) || c.uncreditedSeasons?.includes(season),
  );
}

const GROUP_ORDER = { central: 0, supporting: 1, guest: 2 } as const;

/**
 * A season's cast as one episode shows it, for the panel and the popup alike: who appears in the episode first
 * (marked `inEpisode`), then the rest of the season, each part by our grouping.
 */
export function episodeCast(episode: Pick<EpisodeRecord, 'appears'>, entries: CastEntry[]): CastEntry[] {
  const appears = new Set(episode.appears ?? []);
  return entries
    .map((e) => (appears.has(e.characterId) ? { ...e, inEpisode: true as const } : e))
    .sort((a, b) => Number(!a.inEpisode) - Number(!b.inEpisode) || GROUP_ORDER[a.group] - GROUP_ORDER[b.group]);
}

/** Where the horizon is, as data for the panel to word: the episode it reaches, or none, or the guard off. */
export function horizonPoint(data: ShowData, viewer: ViewerHorizon): { upTo: string | null; off: boolean } {
  if (!Number.isFinite(viewer.episodeOrdinal)) return { upTo: null, off: true };
  const at = data.episodes.find((e) => e.ordinal === viewer.episodeOrdinal);
  return { upTo: at ? episodeCode(at) : null, off: false };
}

export async function episodeContext(
  db: IDBPDatabase<BackstoryDB>,
  showId: string,
  episodeId: string,
  viewer: ViewerHorizon,
  progress: Pick<ProgressRecord, 'readVolume' | 'furthestEpisodeId' | 'furthestOrdinal' | 'placedAt'> = {
    readVolume: 0,
    furthestOrdinal: 0,
  },
): Promise<EpisodeContext | undefined> {
  const { readVolume } = progress;
  const data = await loadShowData(db, showId);
  const episode = data?.episodes.find((e) => e.id === episodeId);
  if (!data || !episode) return undefined;
  const view = viewOf(data, viewer);
  const { visible, reached, links, hide } = view;
  // Held items about the episode on screen say so: showing one spoils this episode.
  const hideHere = (kind: string, id: string, h: Horizon) =>
    h.episode === episode.id && !visible(h) ? { ...hide(kind, id), thisEpisode: true as const } : hide(kind, id);

  // Everyone the season has; listed once the viewer has reached their listing and, in this season, their role.
  const inSeason = seasonCast(data, episode.season);
  const now = new Set(seasonCast(data, episode.season, visible).filter((c) => reached(c.listedFrom)));
  const cast = episodeCast(
    episode,
    inSeason.filter((c) => now.has(c)).map((c) => castEntry(data, c, episode.season, view)),
  );
  const hiddenCast = inSeason.filter((c) => !now.has(c)).map((c) => hide('character', c.id));

  const aboutEpisode = data.notes.filter((n) => n.about.kind === 'episode' && n.about.ids.includes(episode.id));
  const episodeNotes = aboutEpisode.filter((n) => visible(n.horizon)).map((n) => visibleNote(n, links));
  const hiddenEpisodeNotes = aboutEpisode.filter((n) => !visible(n.horizon)).map((n) => hideHere('note', n.id, n.horizon));

  const relevant = data.adaptations.filter((a) => a.episode === episode.id || a.season === episode.season);
  const comic = relevant.filter((a) => visible(a.horizon)).map((a) => comicLink(data, a, view));
  comic.sort((a, b) => (a.scope === b.scope ? 0 : a.scope === 'episode' ? -1 : 1));
  const hiddenComic = relevant.filter((a) => !visible(a.horizon)).map((a) => hideHere('adaptation', a.id, a.horizon));

  const watched = visible({ episode: episode.id });
  return {
    show: { id: data.show.id, title: data.show.title },
    episode: {
      id: episode.id,
      season: episode.season,
      number: episode.number,
      code: episodeCode(episode),
      title: episode.title,
      setup: episode.setup,
      // The episode's own synopsis spoils it: it waits until the episode is watched, or the viewer asks.
      synopsis: watched ? episode.synopsis : null,
      synopsisHidden: !watched && episode.synopsis ? { ...hide('synopsis', episode.id), thisEpisode: true } : null,
      synopsisStatus: episode.synopsisStatus,
      sources: watched ? links(episode.sources) : [],
    },
    horizon: { episodeOrdinal: viewer.episodeOrdinal, volume: viewer.volume, ...horizonPoint(data, viewer) },
    reading: {
      readVolume,
      volumeCount: data.volumes.size,
      watchedUpTo: progress.furthestEpisodeId ?? null,
      placed: progress.placedAt !== undefined || progress.furthestOrdinal > 0 || readVolume > 0,
    },
    cast,
    hiddenCast,
    episodeNotes,
    hiddenEpisodeNotes,
    comic,
    hiddenComic,
    keepReading: keepReading(data, episode, viewer),
  };
}

/** A character as the panel and the popup show it; with a season, only that season's roles count. */
export function castEntry(data: ShowData, c: Character, season: number | undefined, view: View): CastEntry {
  const { visible, links, hide } = view;
  const roles = season === undefined ? c.roles : c.roles.filter((r) => roleIn(data, r, season, visible));
  const notes = data.notes.filter(
    (n) => n.about.kind !== 'episode' && n.about.kind !== 'adaptation' && n.about.ids.includes(c.id),
  );
  const stage = currentStage(c.summaries, visible) ?? c.summaries[0];
  return {
    characterId: c.id,
    name: c.name,
    actors: roles.map((r) => ({ name: data.people.get(r.person)?.name ?? r.person, credit: r.credit })),
    group: roles.reduce<CastEntry['group']>((best, r) => (GROUP_ORDER[r.group] < GROUP_ORDER[best] ? r.group : best), 'guest'),
    origin: c.origin,
    originBook: c.originBook ? data.books.get(c.originBook)?.title : undefined,
    ...(c.change ? { change: c.change } : {}),
    summary: stage?.text ?? '',
    notes: notes.filter((n) => visible(n.horizon)).map((n) => visibleNote(n, links)),
    hidden: notes.filter((n) => !visible(n.horizon)).map((n) => hide('note', n.id)),
    sources: links([...new Set([...c.sources, ...(stage?.sources ?? [])])]),
  };
}

export function visibleNote(n: Note, links: (keys: string[]) => SourceLink[], revealed = false): VisibleNote {
  return { id: n.id, text: n.text, kind: n.about.kind, sources: links(n.sources), ...(revealed ? { revealed } : {}) };
}

export function comicLink(data: ShowData, a: Adaptation, view: View): ComicLink {
  const { visible, links } = view;
  return {
    id: a.id,
    fidelity: a.fidelity,
    scope: a.episode ? 'episode' : 'season',
    volume: a.volume,
    volumeTitle: a.volume === undefined ? undefined : data.volumes.get(a.volume)?.title,
    chapter: a.chapter,
    ...(a.issues ? { issues: a.issues } : {}),
    ...(a.issueRange ? { issueRange: a.issueRange } : {}),
    book: a.book ? data.books.get(a.book)?.title : undefined,
    note: a.note,
    notes: data.notes
      .filter((n) => n.about.kind === 'adaptation' && n.about.ids.includes(a.id) && visible(n.horizon))
      .map((n) => visibleNote(n, links)),
    sources: links(a.sources),
  };
}

/**
 * Where to pick up the comics after this episode, at the finest granularity the pack knows, and never past what
 * the show has adapted up to here: a volume that a later season (or the film) adapts is not recommended before
 * that season, because reading it spoils what is coming on screen.
 */
export function keepReading(data: ShowData, episode: EpisodeRecord, viewer: ViewerHorizon): KeepReading | null {
  const season = data.seasons.find((s) => s.number === episode.season);
  if (!season || season.volumes.length === 0) return null;
  const title = (n: number) => data.volumes.get(n)?.title ?? `Volume ${n}`;
  const next = data.episodes.find((e) => e.ordinal === episode.ordinal + 1);
  const chapterOf = (id: string | undefined) =>
    data.adaptations.find((a) => a.episode === id && a.chapter && a.volume !== undefined);
  const issuesOf = (id: string | undefined) =>
    data.adaptations.filter((a) => a.episode === id && a.issues && a.volume !== undefined && season.volumes.includes(a.volume));
  const here = chapterOf(episode.id);
  const hereIssues = issuesOf(episode.id)[0];
  const volumes = [...season.volumes];
  let found: KeepReading;
  if (!next || next.season !== episode.season) {
    const volume = Math.max(...season.volumes);
    const nextWith = next ? { season: next.season } : data.film ? { film: true as const } : undefined;
    found = {
      volume,
      title: title(volume),
      why: 'season-ends',
      season: season.number,
      volumes,
      ...(nextWith ? { nextWith } : {}),
    };
  } else if (hereIssues?.issues && hereIssues.volume !== undefined) {
    // A comic numbered by issue: what this episode adapts, and what the next one goes on with in the same volume.
    const following = issuesOf(next.id).find((a) => a.volume === hereIssues.volume);
    found = {
      volume: hereIssues.volume,
      title: title(hereIssues.volume),
      why: 'issues',
      adapted: hereIssues.issues.map((i) => i.number),
      ...(following?.issues ? { next: following.issues.map((i) => i.number) } : {}),
    };
  } else if (here?.chapter && here.volume !== undefined) {
    const goesOn = chapterOf(next.id)?.chapter?.number === here.chapter.number;
    const chapter = { number: here.chapter.number, title: here.chapter.title };
    found = { volume: here.volume, title: title(here.volume), why: goesOn ? 'chapter-continues' : 'chapter-ends', chapter };
  } else {
    const volume = Math.min(...season.volumes);
    found = { volume, title: title(volume), why: 'season-adapts', season: season.number, volumes };
  }
  const withIssues = (k: KeepReading): KeepReading => {
    const issues = data.volumes.get(k.volume)?.issues;
    return issues ? { ...k, issues } : k;
  };
  if (Number.isFinite(viewer.volume) && viewer.volume >= found.volume) {
    const after = viewer.volume + 1;
    if (!data.volumes.has(after)) return withIssues({ volume: viewer.volume, title: title(viewer.volume), why: 'read-all' });
    return withIssues({ volume: after, title: title(after), why: 'read-up-to', read: viewer.volume });
  }
  return withIssues(found);
}

export type RevealedItem = (
  | { kind: 'note'; note: VisibleNote }
  | { kind: 'character'; entry: CastEntry }
  | { kind: 'adaptation'; link: ComicLink }
  | { kind: 'synopsis'; text: string; sources: SourceLink[] }
) & {
  /** How far ahead of the viewer it lies: the episode it belongs to (its code) and the volume it needs, if any. */
  from: { episode?: string; volume?: number };
};

/** Where an item's horizon sits, in words the viewer knows: an episode code and a volume. */
function fromOf(data: ShowData, h: Horizon): RevealedItem['from'] {
  const episode = h.episode === undefined ? undefined : data.episodes.find((e) => e.id === h.episode);
  return { ...(episode ? { episode: episodeCode(episode) } : {}), ...(h.volume ? { volume: h.volume } : {}) };
}

/** A view from exactly the item's own horizon: what the viewer asked to see, and its sources, nothing later. */
function viewAt(data: ShowData, h: Horizon): View {
  const at = h.episode === undefined ? 0 : (data.order.get(h.episode) ?? 0);
  return viewOf(data, { episodeOrdinal: Math.max(at, 1), watchedOrdinal: at, volume: h.volume ?? 0 });
}

/** One hidden item, by its handle, for a viewer who asked to see it. */
export async function revealItem(
  db: IDBPDatabase<BackstoryDB>,
  showId: string,
  season: number,
  handle: string,
): Promise<RevealedItem | undefined> {
  const data = await loadShowData(db, showId);
  if (!data) return undefined;
  const note = data.notes.find((n) => hiddenHandle(showId, 'note', n.id) === handle);
  if (note)
    return { kind: 'note', note: visibleNote(note, viewAt(data, note.horizon).links, true), from: fromOf(data, note.horizon) };
  const character = data.characters.find((c) => hiddenHandle(showId, 'character', c.id) === handle);
  if (character) {
    // A revealed cast member shows only their introduction; their own notes stay behind placeholders. The viewer
    // asked for them in this season, so a role that starts later in it is theirs to see.
    const intro = viewAt(data, { episode: character.listedFrom, at: 'start' });
    const roles = character.roles.map(({ from: _, ...r }) => r);
    return {
      kind: 'character',
      entry: castEntry(data, { ...character, roles }, season, { ...intro, visible: () => false }),
      from: fromOf(data, { episode: character.listedFrom }),
    };
  }
  const adaptation = data.adaptations.find((a) => hiddenHandle(showId, 'adaptation', a.id) === handle);
  if (adaptation)
    return {
      kind: 'adaptation',
      link: comicLink(data, adaptation, viewAt(data, adaptation.horizon)),
      from: fromOf(data, adaptation.horizon),
    };
  const episode = data.episodes.find((e) => hiddenHandle(showId, 'synopsis', e.id) === handle);
  if (episode?.synopsis)
    return {
      kind: 'synopsis',
      text: episode.synopsis,
      sources: viewAt(data, { episode: episode.id }).links(episode.sources),
      from: fromOf(data, { episode: episode.id }),
    };
  return undefined;
}
