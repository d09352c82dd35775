/**
 * TVmaze's responses (api.tvmaze.com; any-show-providers.md §1.2), read defensively: every field Backstory uses is
 * checked and bounded, the rest ignored, and a response of another shape is refused rather than half-read (a
 * provider can change). Links come back as https (older responses carry http).
 * Part of issue 17 (titles without a pack): the parsing and matching are here; the consent, the requests and the
 * panel for such titles are not built yet.
 */
import * as v from 'valibot';
import { cleanPackText } from '../pack/schema';
import { providerLink } from './provider-links';

/** Provider text is held to the packs' rules: no bidi overrides or piles of combining marks (review 2, N17). */
const Str = (max: number) => v.pipe(v.string(), v.maxLength(max), v.transform(cleanPackText));
const Id = v.pipe(v.number(), v.integer(), v.minValue(1));
const Named = v.nullish(v.object({ name: Str(200) }));
const https = (url: string) => url.replace(/^http:\/\//, 'https://');

const ShowSchema = v.object({
  id: Id,
  url: Str(500),
  name: Str(300),
  language: v.nullish(Str(100)),
  premiered: v.nullish(Str(10)),
  status: v.nullish(Str(50)),
  officialSite: v.nullish(Str(500)),
  network: Named,
  webChannel: Named,
  externals: v.nullish(v.object({ imdb: v.nullish(Str(20)) })),
});
const CastItemSchema = v.object({
  person: v.object({ id: Id, name: Str(200), url: v.optional(Str(500)) }),
  character: v.object({ id: Id, name: Str(200) }),
  self: v.optional(v.boolean()),
  voice: v.optional(v.boolean()),
});
const EpisodeSchema = v.object({
  id: Id,
  name: Str(300),
  season: v.pipe(v.number(), v.integer(), v.minValue(0)),
  number: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  airdate: v.nullish(Str(10)),
});

export interface TvmazeShow {
  id: number;
  /** The show's page on TVmaze: the attribution link. */
  url: string;
  name: string;
  language?: string;
  /** The year it premiered, when known. */
  year?: number;
  running: boolean;
  officialSite?: string;
  network?: string;
  webChannel?: string;
  imdb?: string;
}
export interface TvmazeCastMember {
  personId: number;
  person: string;
  characterId: number;
  character: string;
  /** The person's page on TVmaze, when the response gives it. */
  url?: string;
  self: boolean;
  voice: boolean;
}
export interface TvmazeEpisode {
  id: number;
  name: string;
  season: number;
  /** null for a special. */
  number: number | null;
  airdate?: string;
}

function show(raw: v.InferOutput<typeof ShowSchema>): TvmazeShow {
  const year = Number(raw.premiered?.slice(0, 4));
  return {
    id: raw.id,
    // Only TVmaze's own page: else the show's page by its id (review 2, N14, N15).
    url: providerLink(raw.url, 'tvmaze') ?? `https://www.tvmaze.com/shows/${raw.id}`,
    name: raw.name,
    ...(raw.language ? { language: raw.language } : {}),
    ...(Number.isInteger(year) && year > 1900 ? { year } : {}),
    running: raw.status === 'Running',
    ...(raw.officialSite ? { officialSite: https(raw.officialSite) } : {}),
    ...(raw.network?.name ? { network: raw.network.name } : {}),
    ...(raw.webChannel?.name ? { webChannel: raw.webChannel.name } : {}),
    ...(raw.externals?.imdb ? { imdb: raw.externals.imdb } : {}),
  };
}

/** `/shows/:id` (with or without `embed[]=cast`). */
export function parseShow(json: unknown): TvmazeShow | undefined {
  const result = v.safeParse(ShowSchema, json);
  return result.success ? show(result.output) : undefined;
}

/** `/search/shows?q=`: at most 10 candidates, each with TVmaze's score. */
export function parseSearch(json: unknown): { score: number; show: TvmazeShow }[] {
  if (!Array.isArray(json)) return [];
  return json.slice(0, 10).flatMap((item) => {
    const parsed = v.safeParse(v.object({ score: v.number(), show: ShowSchema }), item);
    return parsed.success ? [{ score: parsed.output.score, show: show(parsed.output.show) }] : [];
  });
}

/** `/shows/:id/cast`, `/episodes/:id/guestcast`, or the `cast` embedded in a show: ordered as TVmaze orders it. */
export function parseCast(json: unknown): TvmazeCastMember[] {
  const list = Array.isArray(json)
    ? json
    : ((json as { _embedded?: { cast?: unknown; guestcast?: unknown } } | null)?._embedded?.cast ??
      (json as { _embedded?: { guestcast?: unknown } } | null)?._embedded?.guestcast);
  if (!Array.isArray(list)) return [];
  return list.slice(0, 300).flatMap((item) => {
    const parsed = v.safeParse(CastItemSchema, item);
    if (!parsed.success) return [];
    const { person, character, self, voice } = parsed.output;
    const url = providerLink(person.url, 'tvmaze');
    return [
      {
        personId: person.id,
        person: person.name,
        characterId: character.id,
        character: character.name,
        ...(url ? { url } : {}),
        self: self ?? false,
        voice: voice ?? false,
      },
    ];
  });
}

/** `/shows/:id/episodes`, or the `episodes` embedded in a show. */
export function parseEpisodes(json: unknown): TvmazeEpisode[] {
  const list = Array.isArray(json) ? json : (json as { _embedded?: { episodes?: unknown } } | null)?._embedded?.episodes;
  if (!Array.isArray(list)) return [];
  return list.slice(0, 3000).flatMap((item) => {
    const parsed = v.safeParse(EpisodeSchema, item);
    if (!parsed.success) return [];
    const { id, name, season, number, airdate } = parsed.output;
    return [{ id, name, season, number, ...(airdate ? { airdate } : {}) }];
  });
}

/** `/shows/:id/akas`: the show's other titles, by country ({ name, country }), as names only. */
export function parseAkas(json: unknown): string[] {
  if (!Array.isArray(json)) return [];
  return json.slice(0, 100).flatMap((item) => {
    const parsed = v.safeParse(v.object({ name: Str(300) }), item);
    return parsed.success ? [parsed.output.name] : [];
  });
}
