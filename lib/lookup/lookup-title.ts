/**
 * The shallow backstory of a Netflix title without a pack (issue 17; any-show-providers.md §4): Wikidata by the
 * Netflix id first (the show's TVmaze and IMDb ids, and what it is based on, in one query), then TVmaze by those
 * ids, else TVmaze's search scored against the title. Every answer is cached with an expiry, "nothing found"
 * included, so a title is looked up once; a provider that cannot be reached leaves the cache as it was.
 */
import { DAY } from '../db/lookup-cache';
import type { LookupRecord } from '../db/schema';
import { type NetflixTitle, pickShow } from './match';
import { ProviderUnavailableError } from './provider-queue';
import { parseCast, parseSearch, parseShow, type TvmazeCastMember, type TvmazeShow } from './tvmaze';
import { type BasedOn, basedOnQuery, parseBasedOn } from './wikidata';

export interface LookupDeps {
  tvmaze: { request(url: string): Promise<Response> };
  wikidata: { request(url: string): Promise<Response> };
  cache: {
    get(key: string): Promise<LookupRecord | undefined>;
    put(key: string, value: unknown, ttl: { found: number; missing: number }): Promise<unknown>;
  };
}

export type LookupResult =
  | { status: 'found'; show: TvmazeShow; cast: TvmazeCastMember[]; basedOn: BasedOn | null }
  /** TVmaze has several shows by that name and none stands out: the viewer picks ("Not this show?"). */
  | { status: 'unsure'; candidates: TvmazeShow[]; basedOn: BasedOn | null }
  | { status: 'none'; basedOn: BasedOn | null }
  /** A provider could not be reached (offline, or it kept refusing): nothing was cached, try again later. */
  | { status: 'unavailable' };

const TVMAZE = 'https://api.tvmaze.com';
const TTL = { found: 30 * DAY, missing: 3 * DAY };

async function json(response: Response): Promise<unknown> {
  if (response.status === 404) return null;
  if (!response.ok) throw new ProviderUnavailableError(`answered ${response.status}`);
  return response.json();
}

export async function lookupTitle(netflix: NetflixTitle, deps: LookupDeps): Promise<LookupResult> {
  try {
    const basedOn = await cached(`wd:basedon:${netflix.titleId}`, deps, async () =>
      parseBasedOn(
        await json(
          await deps.wikidata.request(
            `https://query.wikidata.org/sparql?format=json&query=${encodeURIComponent(basedOnQuery(netflix.titleId))}`,
          ),
        ),
      ),
    );
    const mapping = await cached(`map:netflix:${netflix.titleId}`, deps, async () => {
      if (basedOn?.tvmazeId) return { tvmazeId: basedOn.tvmazeId };
      if (basedOn?.imdbId) {
        const show = parseShow(await json(await deps.tvmaze.request(`${TVMAZE}/lookup/shows?imdb=${basedOn.imdbId}`)));
        if (show) return { tvmazeId: show.id };
      }
      const found = parseSearch(
        await json(await deps.tvmaze.request(`${TVMAZE}/search/shows?q=${encodeURIComponent(netflix.title)}`)),
      );
      const match = pickShow(
        netflix,
        found.map((r) => r.show),
      );
      if (match.status === 'confident') return { tvmazeId: match.show.id };
      // Not remembered as a match: the viewer's pick is (like an episode correction).
      if (match.status === 'unsure') return { candidates: match.candidates };
      return undefined;
    });
    const on = basedOn ?? null;
    if (!mapping) return { status: 'none', basedOn: on };
    if ('candidates' in mapping) return { status: 'unsure', candidates: mapping.candidates as TvmazeShow[], basedOn: on };
    const withCast = await cached(`tvmaze:show:${mapping.tvmazeId}`, deps, async () => {
      const raw = await json(await deps.tvmaze.request(`${TVMAZE}/shows/${mapping.tvmazeId}?embed%5B%5D=cast`));
      const show = parseShow(raw);
      return show ? { show, cast: parseCast(raw) } : undefined;
    });
    if (!withCast) return { status: 'none', basedOn: on };
    return { status: 'found', show: withCast.show, cast: withCast.cast, basedOn: on };
  } catch (error) {
    // fetch rejects with a TypeError when offline, and a timed-out request with a TimeoutError.
    if (error instanceof ProviderUnavailableError || error instanceof TypeError || (error as Error)?.name === 'TimeoutError')
      return { status: 'unavailable' };
    throw error;
  }
}

/** The cached answer for `key`, or `fetch`'s, cached (a miss as "nothing found"). */
async function cached<T>(key: string, deps: LookupDeps, fetch: () => Promise<T | undefined>): Promise<T | undefined> {
  const hit = await deps.cache.get(key);
  if (hit) return hit.found ? (hit.value as T) : undefined;
  const value = await fetch();
  await deps.cache.put(key, value, TTL);
  return value;
}
