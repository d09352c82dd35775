/**
 * The shallow backstory of a site's title without a pack (issue 17; any-show-providers.md §4): Wikidata by the
 * site's id first, where Wikidata has a property for it (the show's TVmaze and IMDb ids, and what it is based on,
 * in one query), then TVmaze by those
 * ids, else TVmaze's search scored against the title (and then Wikidata by the TVmaze id, for "based on"). For the
 * episode playing, its guest cast. Every answer is cached with an expiry, "nothing found" included, so a title is
 * looked up once; a provider that cannot be reached leaves the cache as it was.
 */
import { DAY } from '../db/lookup-cache';
import type { LookupRecord } from '../db/schema';
import { matchEpisode, type PlayingEpisode } from './episode-match';
import { pickShow } from './match';
import { ProviderUnavailableError } from './provider-queue';
import type { SiteTitle } from './site-lookup';
import {
  parseAkas,
  parseCast,
  parseEpisodes,
  parseSearch,
  parseShow,
  type TvmazeCastMember,
  type TvmazeEpisode,
  type TvmazeShow,
} from './tvmaze';
import { type BasedOn, basedOnQuery, parseBasedOn, TVMAZE_PROPERTY } from './wikidata';

export interface LookupCache {
  get(key: string): Promise<LookupRecord | undefined>;
  put(key: string, value: unknown, ttl: Ttl): Promise<unknown>;
  /** Every fresh record whose key starts with `prefix`. */
  list(prefix: string): Promise<LookupRecord[]>;
}
export interface LookupDeps {
  tvmaze: { request(url: string): Promise<Response> };
  wikidata: { request(url: string): Promise<Response> };
  cache: LookupCache;
}
export interface Ttl {
  found: number;
  missing: number;
}

export interface EpisodeMatch {
  episode: TvmazeEpisode;
  ordinal: number;
  guests: TvmazeCastMember[];
  /** Where the guest casts fetched so far say a character first appears (ordinal), by character id. */
  firstSeen: Map<number, number>;
}

export type LookupResult =
  | {
      status: 'found';
      show: TvmazeShow;
      cast: TvmazeCastMember[];
      basedOn: BasedOn | null;
      /** The episode playing, when TVmaze has it under the same title. */
      episode?: EpisodeMatch;
      /** The viewer picked this show ("Not this show?"). */
      chosen: boolean;
      /** What could not be fetched now (a provider unreachable): the panel says so, and shows the rest. */
      missing: ('basedOn' | 'guests')[];
    }
  /** TVmaze has several shows by that name and none stands out: the viewer picks ("Not this show?"). */
  | { status: 'unsure'; candidates: TvmazeShow[]; basedOn: BasedOn | null }
  | { status: 'none'; basedOn: BasedOn | null }
  /** A film: TVmaze lists series only, so only what Wikidata says it is based on (any-show-providers.md §4). */
  | { status: 'film'; basedOn: BasedOn | null; missing: 'basedOn'[] }
  /** A provider could not be reached (offline, or it kept refusing): nothing was cached, try again later. */
  | { status: 'unavailable' };

const TVMAZE = 'https://api.tvmaze.com';
const WIKIDATA_SPARQL = 'https://query.wikidata.org/sparql?format=json&query=';
const TTL: Ttl = { found: 30 * DAY, missing: 3 * DAY };
/** How many of an unsure search's leading candidates have their other titles asked for. */
const AKA_CANDIDATES = 3;
/** A running show gains episodes and cast: asked again after a week (§6). */
const RUNNING_TTL: Ttl = { found: 7 * DAY, missing: 3 * DAY };
/** The viewer's own pick is kept until the fetched data is cleared. */
const PICK_TTL: Ttl = { found: 100 * 365 * DAY, missing: 0 };

/** Keys of what is kept per title carry its site: the same id on two sites is two titles. */
export const pickKey = ({ site, titleId }: Pick<SiteTitle, 'site' | 'titleId'>) => `pick:${site}:${titleId}`;
const mapKey = ({ site, titleId }: SiteTitle) => `map:${site}:${titleId}`;
const guestKey = (showId: number, episodeId?: number) => `tvmaze:guestcast:${showId}:${episodeId ?? ''}`;

const unreachable = (error: unknown) =>
  // fetch rejects with a TypeError when offline, and a timed-out request with a TimeoutError.
  error instanceof ProviderUnavailableError || error instanceof TypeError || (error as Error)?.name === 'TimeoutError';
const MISSING = Symbol('missing');
/** What `fetch` gives, or MISSING when its provider cannot be reached now. */
async function orMissing<T>(fetch: () => Promise<T>): Promise<T | typeof MISSING> {
  try {
    return await fetch();
  } catch (error) {
    if (unreachable(error)) return MISSING;
    throw error;
  }
}

async function json(response: Response): Promise<unknown> {
  if (response.status === 404) return null;
  if (!response.ok) throw new ProviderUnavailableError(`answered ${response.status}`);
  return response.json();
}

export async function lookupTitle(
  title: SiteTitle & { episode?: PlayingEpisode; film?: boolean },
  deps: LookupDeps,
): Promise<LookupResult> {
  try {
    // Keyed by who asked: the site's id, or "tvmaze".
    const wikidata = (by: string, property: string, id: string) =>
      cached(`wd:basedon:${by}:${id}`, deps, async () =>
        parseBasedOn(await json(await deps.wikidata.request(WIKIDATA_SPARQL + encodeURIComponent(basedOnQuery(property, id))))),
      );
    // Wikidata out of reach: TVmaze's search still finds the show; "based on" is said to be missing. A site
    // Wikidata has no property for is found by TVmaze alone.
    const property = title.lookup.wikidataProperty;
    const bySiteId = property ? await orMissing(() => wikidata(title.site, property, title.titleId)) : undefined;
    const fromSiteId = bySiteId === MISSING ? undefined : bySiteId;
    if (title.film) return { status: 'film', basedOn: fromSiteId ?? null, missing: bySiteId === MISSING ? ['basedOn'] : [] };
    const picked = await deps.cache.get(pickKey(title));
    const mapping = picked?.found
      ? (picked.value as { tvmazeId: number })
      : await cached(mapKey(title), deps, () => mapToTvmaze(title, fromSiteId, deps));
    const siteBasedOn = fromSiteId ?? null;
    if (!mapping) return { status: 'none', basedOn: siteBasedOn };
    if ('candidates' in mapping)
      return { status: 'unsure', candidates: mapping.candidates as TvmazeShow[], basedOn: siteBasedOn };

    const show = await cached(
      `tvmaze:show:${mapping.tvmazeId}`,
      deps,
      async () => {
        const raw = await json(
          await deps.tvmaze.request(`${TVMAZE}/shows/${mapping.tvmazeId}?embed%5B%5D=cast&embed%5B%5D=episodes`),
        );
        const found = parseShow(raw);
        return found ? { show: found, cast: parseCast(raw), episodes: parseEpisodes(raw) } : undefined;
      },
      (value) => (value?.show.running ? RUNNING_TTL : TTL),
    );
    if (!show) return { status: 'none', basedOn: siteBasedOn };
    // Wikidata may know the show by its TVmaze id where it has no id on the site (§4, step 4).
    const basedOn =
      bySiteId === MISSING || fromSiteId?.item
        ? bySiteId
        : await orMissing(() => wikidata('tvmaze', TVMAZE_PROPERTY, String(show.show.id)));
    const episode = title.episode
      ? await orMissing(() => episodeOf(show.show.id, show.episodes, title.episode as PlayingEpisode, deps))
      : undefined;
    return {
      status: 'found',
      show: show.show,
      cast: show.cast,
      basedOn: basedOn === MISSING ? null : (basedOn ?? null),
      ...(episode && episode !== MISSING ? { episode } : {}),
      chosen: !!picked?.found,
      missing: [...(basedOn === MISSING ? ['basedOn' as const] : []), ...(episode === MISSING ? ['guests' as const] : [])],
    };
  } catch (error) {
    if (unreachable(error)) return { status: 'unavailable' };
    throw error;
  }
}

/** The viewer's answer to "Not this show?": this TVmaze show, for this site's title, until the cache is cleared. */
export async function chooseShow(
  title: Pick<SiteTitle, 'site' | 'titleId'>,
  tvmazeId: number,
  cache: LookupCache,
): Promise<void> {
  await cache.put(pickKey(title), { tvmazeId }, PICK_TTL);
}

/** TVmaze's search, as candidates for the viewer to pick from. */
export async function searchCandidates(title: string, deps: LookupDeps): Promise<TvmazeShow[] | 'unavailable'> {
  if (!title.trim()) return [];
  try {
    const found = await cached(`tvmaze:search:${title.toLowerCase()}`, deps, async () =>
      parseSearch(await json(await deps.tvmaze.request(`${TVMAZE}/search/shows?q=${encodeURIComponent(title)}`))).map(
        (r) => r.show,
      ),
    );
    return found ?? [];
  } catch (error) {
    if (unreachable(error)) return 'unavailable';
    throw error;
  }
}

async function mapToTvmaze(
  title: SiteTitle,
  basedOn: BasedOn | undefined,
  deps: LookupDeps,
): Promise<{ tvmazeId: number } | { candidates: TvmazeShow[] } | undefined> {
  if (basedOn?.tvmazeId) return { tvmazeId: basedOn.tvmazeId };
  if (basedOn?.imdbId) {
    const show = parseShow(await json(await deps.tvmaze.request(`${TVMAZE}/lookup/shows?imdb=${basedOn.imdbId}`)));
    if (show) return { tvmazeId: show.id };
  }
  // No title to search by (no signal gave one): nothing to match against.
  if (!title.title.trim()) return undefined;
  const found = await searchCandidates(title.title, deps);
  if (found === 'unavailable') throw new ProviderUnavailableError('search failed');
  let match = pickShow(title, found);
  if (match.status === 'unsure') {
    // The site's English title may be another of the show's titles ("Money Heist" for "La Casa de Papel"): the
    // leading candidates' AKAs are asked for (cached), and they are scored again. Out of reach: scored without.
    const akas = new Map<number, string[]>();
    for (const show of match.candidates.slice(0, AKA_CANDIDATES)) {
      const titles = await orMissing(() =>
        cached(`tvmaze:akas:${show.id}`, deps, async () =>
          parseAkas(await json(await deps.tvmaze.request(`${TVMAZE}/shows/${show.id}/akas`))),
        ),
      );
      if (titles !== MISSING && titles) akas.set(show.id, titles);
    }
    match = pickShow(title, found, akas);
  }
  if (match.status === 'confident') return { tvmazeId: match.show.id };
  // Not remembered as a match: the viewer's pick is (like an episode correction).
  if (match.status === 'unsure') return { candidates: match.candidates };
  return undefined;
}

/** The episode playing, its guest cast (one request, cached), and what the guest casts fetched so far say. */
async function episodeOf(
  showId: number,
  episodes: TvmazeEpisode[],
  wanted: PlayingEpisode,
  deps: LookupDeps,
): Promise<EpisodeMatch | undefined> {
  const match = matchEpisode(episodes, wanted);
  if (!match) return undefined;
  const guests =
    (await cached(guestKey(showId, match.episode.id), deps, async () =>
      parseCast(await json(await deps.tvmaze.request(`${TVMAZE}/episodes/${match.episode.id}?embed%5B%5D=guestcast`))),
    )) ?? [];
  const ordinals = new Map(episodes.filter((e) => e.number !== null).map((e, i) => [e.id, i + 1]));
  const firstSeen = new Map<number, number>();
  for (const record of await deps.cache.list(guestKey(showId))) {
    const ordinal = ordinals.get(Number(record.key.slice(guestKey(showId).length)));
    if (ordinal === undefined || !Array.isArray(record.value)) continue;
    for (const guest of record.value as TvmazeCastMember[])
      firstSeen.set(guest.characterId, Math.min(ordinal, firstSeen.get(guest.characterId) ?? ordinal));
  }
  return { ...match, guests, firstSeen };
}

/** The cached answer for `key`, or `fetch`'s, cached (a miss as "nothing found"). */
async function cached<T>(
  key: string,
  deps: LookupDeps,
  fetch: () => Promise<T | undefined>,
  ttl: (value: T | undefined) => Ttl = () => TTL,
): Promise<T | undefined> {
  const hit = await deps.cache.get(key);
  if (hit) return hit.found ? (hit.value as T) : undefined;
  const value = await fetch();
  await deps.cache.put(key, value, ttl(value));
  return value;
}
