/**
 * The data-pack schema: one JSON file per show in data/, validated at build time (tests) and at import time
 * (options page) with valibot. Types are inferred from the schema so the two never drift apart.
 *
 * Spoiler model (pack format 2): every piece of text a viewer can see has a horizon, or is declared always safe
 * in lib/pack/visibility.ts (a test keeps the two in step). A horizon names an episode (watching axis), a comic
 * volume (reading axis), or both; reaching either one unlocks it. On the watching axis a horizon is passed once
 * that episode has been watched, or a later one reached: while the episode itself plays unwatched, what it
 * unlocks stays held back (it describes that episode). `at: "start"` marks what is safe from the episode's first
 * minute instead (a season's framing, a set-up line, a source that only names the cast).
 * Format 3 names the show's id on each streaming site (`titleIds`, by the site ids of lib/ids/ids.ts) instead
 * of a Netflix-only field. Format 4 adds what a comic published in numbered issues needs (The Sandman): issue
 * numbers and ranges on volumes and adaptations, side works (a special, a mini-series, a prequel) as books,
 * characters changed from the comics, bonus episodes and seasons released in parts; every addition is optional,
 * so a format-3 pack is a valid format-4 pack. Older packs are upgraded on import and in the cache
 * (lib/pack/upgrade.ts).
 * Format 5 checks spoilers by meaning (issue #28): an event ledger (`events`: the story's turning points, each
 * with the episode where it happens on screen and the volume, or issue, where it happens in the comics); every
 * visible text declares the events it reveals and the characters it names (`reveals`, `names` on a stage, a note
 * or an adaptation; `declares.<field>` on a record with several texts); every source says what its page covers
 * (`covers`); every episode who appears in it (`appears`). Validation refuses a text shown before an event it
 * reveals or before a character it names may be listed (lib/pack/ledger.ts). Every addition is optional, so a
 * format-4 pack is a valid format-5 pack; CONTRIBUTING.md says how to declare. A role may start within its
 * season (`roles[].from`, optional too: a return told by the season's cast).
 */
import * as v from 'valibot';
import { EPISODE_ID, FIRST_SITE, SHOW_ID, SITE_IDS, SITE_VIDEO_IDS, type SiteId } from '../ids/ids';

export const PACK_SCHEMA_VERSION = 5;

const Id = v.pipe(v.string(), v.maxLength(64), v.regex(SHOW_ID, 'use lower-case letters, digits and dashes'));
/** An episode id ("s1e3") or the concluding film's id. */
const EpisodeRef = v.pipe(v.string(), v.regex(EPISODE_ID, 'an episode id like s1e3, or film'));
const SourceKey = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]+$/), v.maxLength(40));
const Sources = v.pipe(v.array(SourceKey), v.minLength(1, 'every record needs at least one source'));
/**
 * What a pack's text may not carry onto the screen (review B10): bidi overrides and other invisible format
 * characters (which can reverse a line: "nigol/elpmaxe.live"), keeping the joiner that emoji need; and piles of
 * combining marks, cut to two per letter (400 of them drew a line across the panel).
 */
export function cleanPackText(text: string): string {
  return text.replace(/(?!\u200d)\p{Cf}/gu, '').replace(/(\p{M}{2})\p{M}+/gu, '$1');
}
const Text = v.pipe(v.string(), v.maxLength(600), v.transform(cleanPackText), v.minLength(1));
const Name = v.pipe(v.string(), v.maxLength(120), v.transform(cleanPackText), v.minLength(1));
const Year = v.pipe(v.number(), v.integer(), v.minValue(1900), v.maxValue(2100));
const IsoDate = v.pipe(v.string(), v.isoDate());
const Positive = v.pipe(v.number(), v.integer(), v.minValue(1));

export const HorizonSchema = v.pipe(
  v.object({ episode: v.optional(EpisodeRef), at: v.optional(v.literal('start')), volume: v.optional(Positive) }),
  v.check((h) => h.episode !== undefined || h.volume !== undefined, 'a horizon needs an episode, a volume or both'),
  v.check((h) => h.at === undefined || h.episode !== undefined, '"at" goes with an episode'),
);

const Ids = v.pipe(v.array(Id), v.maxLength(40));
/**
 * What one visible text gives away: the ledger events it reveals and the characters it names (by id). A text may
 * not be shown before either (lib/pack/ledger.ts). An empty `reveals` says "checked: it reveals nothing".
 */
export const DeclarationSchema = v.object({ reveals: v.optional(Ids), names: v.optional(Ids) });
const DeclarationFields = { reveals: v.optional(Ids), names: v.optional(Ids) };
/** The declarations of a record with several texts, by field name ("setup", "synopsis", "arc", "title", "url"). */
const Declares = v.optional(
  v.object({
    summary: v.optional(DeclarationSchema),
    setup: v.optional(DeclarationSchema),
    synopsis: v.optional(DeclarationSchema),
    statusNote: v.optional(DeclarationSchema),
    arc: v.optional(DeclarationSchema),
    title: v.optional(DeclarationSchema),
    url: v.optional(DeclarationSchema),
    note: v.optional(DeclarationSchema),
    issuesNote: v.optional(DeclarationSchema),
    publishedNote: v.optional(DeclarationSchema),
  }),
);

/**
 * A turning point of the story (a birth, a death, who someone really is, a betrayal, a couple, a departure, a
 * return): where it happens on screen (`episode`: known once that episode is watched) and in the comics (`volume`,
 * and `issue` where the comic is numbered by issue). One without an episode is not on screen (yet); one without a
 * volume is the show's own. `what` is for the pack's authors and reviewers, never shown. `appearing`: the
 * characters whose very presence in the episode is what the event gives away (a return, a revival, a brother
 * found, an agent whose name is kept back); that episode's `appears`, shown from its first minute, may not list them.
 */
export const EventSchema = v.pipe(
  v.object({
    id: Id,
    what: Text,
    episode: v.optional(EpisodeRef),
    volume: v.optional(Positive),
    issue: v.optional(Positive),
    appearing: v.optional(Ids),
    sources: Sources,
  }),
  v.check((e) => e.episode !== undefined || e.volume !== undefined, 'an event happens in an episode, a volume or both'),
  v.check((e) => e.issue === undefined || e.volume !== undefined, '"issue" goes with a volume'),
);

/**
 * What a source's page discusses, which sets the earliest point its link may be shown (its horizon may not come
 * before the end of either range): a recap `{ "episodes": ["s3e2", "s3e2"] }`, a season review
 * `{ "episodes": ["s1e1", "s1e8"] }`, a wiki page of a comic arc `{ "volumes": [3, 3], "episodes": [...the
 * episodes that adapt it] }`. `{}`: the page gives only the premise, the cast or publication facts.
 */
export const CoverageSchema = v.object({
  episodes: v.optional(v.tuple([EpisodeRef, EpisodeRef])),
  volumes: v.optional(v.tuple([Positive, Positive])),
});

/** A text that changes as the story goes on: the latest stage whose horizon is reached is shown. */
export const StageSchema = v.object({ text: Text, horizon: HorizonSchema, sources: Sources, ...DeclarationFields });
const Stages = v.pipe(v.array(StageSchema), v.minLength(1), v.maxLength(12));

export const SourceSchema = v.object({
  key: SourceKey,
  title: Name,
  /** Absent only for public repository files whose address the fact sheet did not record. */
  url: v.optional(v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//))),
  note: v.optional(Text),
  /** When its title, address and content give nothing away: a link is shown only from here on. */
  horizon: HorizonSchema,
  covers: v.optional(CoverageSchema),
  declares: Declares,
});

/** A show's id on one site, in the shape that site's ids have. */
const siteTitleId = (site: SiteId) =>
  v.optional(v.pipe(v.string(), v.regex(SITE_VIDEO_IDS[site], `not an id of the shape ${site} uses`)));
/**
 * The show's id on each site Backstory supports, by site id. A key that names no such site is refused with its
 * path, never dropped: a pack written for a site this version does not know (or with a typo) says so.
 */
const TitleIds = v.strictObject(
  Object.fromEntries(SITE_IDS.map((site) => [site, siteTitleId(site)])) as { [S in SiteId]: ReturnType<typeof siteTitleId> },
  (issue) =>
    issue.expected === 'never'
      ? `unknown site ${issue.received}: a show's id goes under one of the sites Backstory supports (${SITE_IDS.join(', ')})`
      : `the show's id on each site, as an object: { "${FIRST_SITE}": "…" }`,
);

export const ShowSchema = v.object({
  id: Id,
  title: Name,
  aliases: v.array(Name),
  creator: Name,
  /**
   * The show's id on each site Backstory supports. May be empty when no source gives one (Invincible on Prime
   * Video): such a show is found by its title and offered in search, and never matched by an id nobody confirmed.
   */
  titleIds: TitleIds,
  imdbId: v.optional(v.pipe(v.string(), v.regex(/^tt\d+$/))),
  tmdbId: v.optional(v.pipe(v.string(), v.regex(/^\d+$/))),
  summary: Text,
  sources: Sources,
  declares: Declares,
});

/** A run of comic issues, "#21–28"; `to` absent for a single issue. */
export const IssueRangeSchema = v.pipe(
  v.object({ from: Positive, to: v.optional(Positive) }),
  v.check((r) => r.to === undefined || r.to >= r.from, 'an issue range runs forwards'),
);
const IssueRanges = v.pipe(v.array(IssueRangeSchema), v.minLength(1), v.maxLength(20));

export const SeasonSchema = v.object({
  number: Positive,
  releaseDate: IsoDate,
  volumes: v.array(Positive),
  /** A season released in parts ("Volume 1", "Volume 2" on Netflix): each part's first episode and date. */
  parts: v.optional(v.array(v.object({ from: EpisodeRef, releaseDate: IsoDate }))),
  sources: Sources,
});

export const EpisodeSchema = v.object({
  id: EpisodeRef,
  season: Positive,
  number: Positive,
  title: Name,
  releaseDate: IsoDate,
  /** What the episode sets out from, safe from its first minute; null where we have none. */
  setup: v.nullable(Text),
  /** What happens, in our own words: held back until the episode is watched. Null where no source summarised it. */
  synopsis: v.nullable(Text),
  synopsisStatus: v.picklist(['confirmed', 'partial', 'unconfirmed']),
  /** A bonus episode, numbered as Netflix numbers it (The Sandman's S1E11 and S2E12). */
  bonus: v.optional(v.boolean()),
  /**
   * A special outside the season's numbering (Invincible: Atom Eve, between seasons 1 and 2): its number only
   * places it in watching order, after the season's episodes, and is never shown as an episode number.
   */
  special: v.optional(v.boolean()),
  /** Who appears in it (character ids), from its synopsis and recap sources: the panel's "In this episode". */
  appears: v.optional(Ids),
  sources: Sources,
  declares: Declares,
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
  declares: Declares,
});

export const PersonSchema = v.object({ id: Id, name: Name, sources: Sources });

export const RoleSchema = v.object({
  person: Id,
  /** Shown only up to the viewer's season: a role's later seasons (or its end) can be spoilers. */
  seasons: v.pipe(v.array(Positive), v.minLength(1)),
  /**
   * Our own grouping by how much of the season the character carries; not the credits (no source gives billing).
   * "guest" is used where a source says so (an Emmy for a guest performance) or the role is one or two scenes.
   */
  group: v.picklist(['central', 'supporting', 'guest']),
  /** For example "voice only" or "cameo". */
  credit: v.optional(Name),
  /**
   * Where the role starts within one of its seasons, when being in that season at all is what an episode reveals
   * (a return, a survival): in the season of `from.episode` the role counts only from this point, a horizon on the
   * watching axis (`at: "start"`: from the episode's first minute; without it, once the episode is watched, so
   * that a return in a season's last scene can wait for it). Before it, the character is held back from that
   * season's cast and seasons like anyone not yet listed; the role's other seasons are not affected.
   */
  from: v.optional(v.object({ episode: EpisodeRef, at: v.optional(v.literal('start')) })),
});

export const CharacterSchema = v.object({
  id: Id,
  name: Name,
  aliases: v.array(Name),
  /** Where the character comes from; "unconfirmed" where no source says. */
  origin: v.picklist(['comics', 'show-only', 'book', 'unconfirmed']),
  /** The book the character comes from, when `origin` is "book" (another novel, a side work such as a prequel). */
  originBook: v.optional(Id),
  /**
   * How the show changed the character from the comics: gender-flipped (Lucien → Lucienne), replacing someone
   * (Johanna for John Constantine; Gault for Brute and Glob), moved from another story, or aged. `comics` names
   * the comics' version(s), which search finds too. Safe from the character's listing: it is about the
   * adaptation, not the story.
   */
  change: v.optional(
    v.object({
      kind: v.picklist(['gender-flipped', 'replaces', 'moved', 'aged-up']),
      comics: v.pipe(v.array(Name), v.minLength(1), v.maxLength(4)),
    }),
  ),
  /** Who they are, by stage: the first is shown as soon as the character is listed and must be at the start. */
  summaries: Stages,
  /**
   * Earliest episode at which the character may be listed at all: from where knowing they exist spoils nothing
   * (the season premiere unless the role spoils). A text that names them is not shown before it.
   */
  listedFrom: EpisodeRef,
  /** The comic volume from which a reader knows them: a text unlocked by reading may name them from there. */
  readFrom: v.optional(Positive),
  /** Seasons in which the character appears but no actor is confirmed. */
  uncreditedSeasons: v.optional(v.array(Positive)),
  roles: v.array(RoleSchema),
  sources: Sources,
});

export const VolumeSchema = v.object({
  number: Positive,
  title: Name,
  /** The issues it collects, where the comic is numbered by issue; `issuesNote` for what is not numbered. */
  issues: v.optional(IssueRanges),
  issuesNote: v.optional(Text),
  published: Name,
  publishedNote: v.optional(Text),
  arc: Text,
  /** Reading the arc summary spoils the volume itself: it is shown once the viewer reaches this horizon. */
  arcHorizon: HorizonSchema,
  sources: Sources,
  declares: Declares,
});

export const BookSchema = v.object({
  id: Id,
  title: Name,
  /** A novel or novella (Heartstopper's other books); a special, a mini-series or a prequel (side comics). */
  kind: v.picklist(['novel', 'novella', 'special', 'mini-series', 'prequel']),
  /** Its issues, for a side comic. */
  issues: v.optional(IssueRanges),
  year: Year,
  link: v.picklist(['source', 'thematic']),
  /** How the book connects to the show, by stage: the first is always shown, later ones say more. */
  connections: Stages,
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
    /** The issues adapted, where the comic is numbered by issue, each with its title where a source gives it. */
    issues: v.optional(v.pipe(v.array(v.object({ number: Positive, title: v.optional(Name) })), v.minLength(1), v.maxLength(20))),
    /** A span of issues (an arc adapted over several episodes, "#21–28"). */
    issueRange: v.optional(IssueRangeSchema),
    fidelity: v.picklist(['adapted', 'changed', 'show-only']),
    /**
     * How sure the mapping is, as the fact sheet grades it: "high" where a source names the issues for this
     * episode, "medium" where a source ties the same story element to the issue or volume, "low" where it is
     * inferred from a volume's contents. The note words it for the viewer.
     */
    confidence: v.optional(v.picklist(['high', 'medium', 'low'])),
    note: Text,
    horizon: HorizonSchema,
    sources: Sources,
    ...DeclarationFields,
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
  ...DeclarationFields,
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
  /** The event ledger (format 5): what the declarations refer to. */
  events: v.optional(v.pipe(v.array(EventSchema), v.maxLength(500))),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1)),
});

export type Horizon = v.InferOutput<typeof HorizonSchema>;
export type Declaration = v.InferOutput<typeof DeclarationSchema>;
export type StoryEvent = v.InferOutput<typeof EventSchema>;
export type Coverage = v.InferOutput<typeof CoverageSchema>;
export type IssueRange = v.InferOutput<typeof IssueRangeSchema>;
export type Stage = v.InferOutput<typeof StageSchema>;
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
