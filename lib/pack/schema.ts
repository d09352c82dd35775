/**
 * The data-pack schema: one JSON file per show in data/, validated at build time (tests) and at import time
 * (options page) with valibot. Types are inferred from the schema so the two never drift apart.
 *
 * Spoiler model: every note carries a `horizon`, the earliest point at which it may be shown. A horizon names an
 * episode id (watching axis), a comic volume (reading axis), or both; reaching either one unlocks the note.
 */
import * as v from 'valibot';

export const PACK_SCHEMA_VERSION = 1;

const Id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'), v.maxLength(64));
/** An episode id ("s1e3") or the concluding film's id. */
const EpisodeRef = v.pipe(v.string(), v.regex(/^(s\d{1,2}e\d{1,3}|film)$/, 'an episode id like s1e3, or film'));
const SourceKey = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]+$/), v.maxLength(40));
const Sources = v.pipe(v.array(SourceKey), v.minLength(1, 'every record needs at least one source'));
const Text = v.pipe(v.string(), v.minLength(1), v.maxLength(600));
const Name = v.pipe(v.string(), v.minLength(1), v.maxLength(120));
const Year = v.pipe(v.number(), v.integer(), v.minValue(1900), v.maxValue(2100));
const IsoDate = v.pipe(v.string(), v.isoDate());
const Positive = v.pipe(v.number(), v.integer(), v.minValue(1));

export const HorizonSchema = v.pipe(
  v.object({ episode: v.optional(EpisodeRef), volume: v.optional(Positive) }),
  v.check((h) => h.episode !== undefined || h.volume !== undefined, 'a horizon needs an episode, a volume or both'),
);

export const SourceSchema = v.object({
  key: SourceKey,
  title: Name,
  /** Absent only for public repository files whose address the fact sheet did not record. */
  url: v.optional(v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//))),
  note: v.optional(Text),
});

export const ShowSchema = v.object({
  id: Id,
  title: Name,
  aliases: v.array(Name),
  creator: Name,
  netflixTitleId: v.pipe(v.string(), v.regex(/^\d{5,12}$/)),
  imdbId: v.optional(v.pipe(v.string(), v.regex(/^tt\d+$/))),
  tmdbId: v.optional(v.pipe(v.string(), v.regex(/^\d+$/))),
  summary: Text,
  sources: Sources,
});

export const SeasonSchema = v.object({
  number: Positive,
  releaseDate: IsoDate,
  volumes: v.array(Positive),
  sources: Sources,
});

export const EpisodeSchema = v.object({
  id: EpisodeRef,
  season: Positive,
  number: Positive,
  title: Name,
  releaseDate: IsoDate,
  /** One line in our own words; null where no source summarised the episode. */
  synopsis: v.nullable(Text),
  synopsisStatus: v.picklist(['confirmed', 'partial', 'unconfirmed']),
  sources: Sources,
});

export const FilmSchema = v.object({
  id: v.literal('film'),
  title: Name,
  status: v.picklist(['announced', 'in-production', 'released']),
  statusNote: Text,
  releaseYear: Year,
  volumes: v.array(Positive),
  books: v.array(Id),
  synopsis: Text,
  sources: Sources,
});

export const PersonSchema = v.object({ id: Id, name: Name, sources: Sources });

export const RoleSchema = v.object({
  person: Id,
  seasons: v.pipe(v.array(Positive), v.minLength(1)),
  billing: v.picklist(['main', 'recurring', 'guest']),
  /** For example "voice only" or "cameo". */
  credit: v.optional(Name),
});

export const CharacterSchema = v.object({
  id: Id,
  name: Name,
  aliases: v.array(Name),
  /** Where the character comes from; "unconfirmed" where no source says. */
  origin: v.picklist(['comics', 'show-only', 'book', 'unconfirmed']),
  /** The other Oseman book the character comes from, when `origin` is "book". */
  originBook: v.optional(Id),
  /** The spoiler-free one-liner shown as soon as the character may be listed. */
  summary: Text,
  /** Earliest episode at which the character may be listed at all (the season premiere unless the role spoils). */
  listedFrom: EpisodeRef,
  /** Seasons in which the character appears but no actor is confirmed. */
  uncreditedSeasons: v.optional(v.array(Positive)),
  roles: v.array(RoleSchema),
  sources: Sources,
});

export const VolumeSchema = v.object({
  number: Positive,
  title: Name,
  published: Name,
  publishedNote: v.optional(Text),
  arc: Text,
  /** Reading the arc summary spoils the volume itself: it is shown once the viewer reaches this horizon. */
  arcHorizon: HorizonSchema,
  sources: Sources,
});

export const BookSchema = v.object({
  id: Id,
  title: Name,
  kind: v.picklist(['novel', 'novella']),
  year: Year,
  link: v.picklist(['source', 'thematic']),
  connection: Text,
  sources: Sources,
});

export const AdaptationSchema = v.pipe(
  v.object({
    id: Id,
    /** Exactly one of episode and season: what on screen is adapted. */
    episode: v.optional(EpisodeRef),
    season: v.optional(Positive),
    /** Exactly one of volume and book: where it comes from. */
    volume: v.optional(Positive),
    book: v.optional(Id),
    chapter: v.optional(v.object({ number: Positive, title: Name })),
    fidelity: v.picklist(['adapted', 'changed', 'show-only']),
    note: Text,
    horizon: HorizonSchema,
    sources: Sources,
  }),
  v.check((a) => (a.episode === undefined) !== (a.season === undefined), 'an adaptation names an episode or a season'),
  v.check((a) => a.volume === undefined || a.book === undefined, 'an adaptation names a volume or a book, not both'),
);

export const NoteSchema = v.object({
  id: Id,
  about: v.object({
    kind: v.picklist(['character', 'episode', 'relationship', 'adaptation']),
    ids: v.pipe(v.array(v.union([Id, EpisodeRef])), v.minLength(1)),
  }),
  text: Text,
  horizon: HorizonSchema,
  sources: Sources,
});

export const PackSchema = v.object({
  schemaVersion: v.literal(PACK_SCHEMA_VERSION),
  id: Id,
  version: v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/, 'a version like 1.0.0')),
  show: ShowSchema,
  seasons: v.pipe(v.array(SeasonSchema), v.minLength(1)),
  episodes: v.pipe(v.array(EpisodeSchema), v.minLength(1)),
  film: v.optional(FilmSchema),
  people: v.array(PersonSchema),
  characters: v.array(CharacterSchema),
  volumes: v.array(VolumeSchema),
  books: v.array(BookSchema),
  adaptations: v.array(AdaptationSchema),
  notes: v.array(NoteSchema),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1)),
});

export type Horizon = v.InferOutput<typeof HorizonSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type Show = v.InferOutput<typeof ShowSchema>;
export type Season = v.InferOutput<typeof SeasonSchema>;
export type Episode = v.InferOutput<typeof EpisodeSchema>;
export type Film = v.InferOutput<typeof FilmSchema>;
export type Person = v.InferOutput<typeof PersonSchema>;
export type Role = v.InferOutput<typeof RoleSchema>;
export type Character = v.InferOutput<typeof CharacterSchema>;
export type Volume = v.InferOutput<typeof VolumeSchema>;
export type Book = v.InferOutput<typeof BookSchema>;
export type Adaptation = v.InferOutput<typeof AdaptationSchema>;
export type Note = v.InferOutput<typeof NoteSchema>;
export type Pack = v.InferOutput<typeof PackSchema>;
