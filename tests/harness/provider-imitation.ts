/**
 * Imitations of the public providers a title without a pack is looked up on (issue 17): TVmaze's API and
 * Wikidata's query service, answering with the research's real responses (tests/fixtures/providers) where they
 * exist and with marked constructions of the same shape where not. The fixture server routes them by Host; the
 * browser reaches them through the same host mapping as the imitation Netflix, so nothing leaves the machine.
 * Every request is counted (even when switched off), so tests can say nothing was asked before consent.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';

export const PROVIDER_HOSTS = ['api.tvmaze.com', 'query.wikidata.org', 'www.wikidata.org'] as const;

const dir = fileURLToPath(new URL('../fixtures/providers/', import.meta.url));
const sample = (name: string) => JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')).response;

/** The imitation catalog's Game of Thrones (SYNTHETIC Netflix title id), and TVmaze's id for the show. */
export const LOOKUP_TITLE = { netflixTitleId: '80000003', tvmazeId: 82 };

export interface ProviderImitation {
  /** Every request, as host + path + query, in order. */
  requests: string[];
  /** Off: every request is cut off as a network failure would be (the browser sees it as offline). */
  setOnline(online: boolean): void;
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

export function providerImitation(): ProviderImitation {
  const requests: string[] = [];
  let online = true;
  const json = (res: ServerResponse, status: number, body: unknown) => {
    // Both real APIs are CORS-enabled (any-show-providers.md §1.4, §2.6).
    res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(JSON.stringify(body));
  };
  const tvmaze = (url: URL, res: ServerResponse) => {
    const show = /^\/shows\/(\d+)$/.exec(url.pathname);
    if (show && Number(show[1]) === LOOKUP_TITLE.tvmazeId) {
      // The real /shows/82 response with its cast (trimmed to 3 there), and TVmaze's real episode list for it
      // (its first items: specials) embedded, as ?embed[]=cast&embed[]=episodes returns both.
      const body = sample('tvmaze-show-embed-cast-crew.GoT');
      const embeds = url.searchParams.getAll('embed[]');
      return json(res, 200, {
        ...body,
        _embedded: {
          ...(embeds.includes('cast') ? { cast: body._embedded.cast } : {}),
          ...(embeds.includes('episodes') ? { episodes: sample('tvmaze-show-episodes.GoT') } : {}),
        },
      });
    }
    if (url.pathname === '/search/shows') {
      // A CONSTRUCTION of /search/shows' shape ({score, show}, any-show-providers.md) around the real /shows/82
      // record, for the title a site names without an id (Prime Video's catalog): any other title finds nothing.
      if (url.searchParams.get('q')?.toLowerCase() !== 'game of thrones') return json(res, 200, []);
      const { _embedded: _, ...show } = sample('tvmaze-show-embed-cast-crew.GoT');
      return json(res, 200, [{ score: 0.9, show }]);
    }
    return json(res, 404, { name: 'Not Found', status: 404 });
  };
  const wikidata = (url: URL, res: ServerResponse) => {
    if (url.pathname !== '/sparql') return json(res, 404, {});
    const query = url.searchParams.get('query') ?? '';
    // Asked by the Netflix id, or (for a title a site names without an id) by TVmaze's id, P8600.
    const known =
      query.includes(`wdt:P1874 "${LOOKUP_TITLE.netflixTitleId}"`) || query.includes(`wdt:P8600 "${LOOKUP_TITLE.tvmazeId}"`);
    return json(
      res,
      200,
      known ? sample('imitation/wikidata-basedon.game-of-thrones') : { head: { vars: [] }, results: { bindings: [] } },
    );
  };
  return {
    requests,
    setOnline(next) {
      online = next;
    },
    handle(req, res) {
      const host = (req.headers.host ?? '').split(':')[0] as (typeof PROVIDER_HOSTS)[number];
      if (!PROVIDER_HOSTS.includes(host)) return false;
      requests.push(`${host}${req.url ?? ''}`);
      if (!online) {
        req.socket.destroy();
        return true;
      }
      const url = new URL(req.url ?? '/', `https://${host}`);
      if (host === 'api.tvmaze.com') tvmaze(url, res);
      else wikidata(url, res);
      return true;
    },
  };
}
