/**
 * Serves the imitation Netflix site on loopback: the single-page app for /browse and /watch/<id>, its assets,
 * and the member API's metadata route, over HTTPS. Chromium reaches it as www.netflix.com (and any *.netflix.com)
 * through --host-resolver-rules.
 */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { generate } from 'selfsigned';
import { metadataFor } from '../fixtures/netflix/catalog.js';
import { chromeResources } from '../fixtures/primevideo/catalog.js';
import { type ProviderImitation, providerImitation } from './provider-imitation';

const FIXTURES = fileURLToPath(new URL('../fixtures/netflix/', import.meta.url));
const PRIME_FIXTURES = fileURLToPath(new URL('../fixtures/primevideo/', import.meta.url));
/** The imitation Prime Video answers on its own host and on the Amazon storefronts' (tests/harness/browser.ts). */
export const PRIME_HOSTS = ['www.primevideo.com', 'www.amazon.com', 'www.amazon.co.uk', 'www.amazon.de', 'www.amazon.co.jp'];
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };

export interface FixtureServer {
  port: number;
  origin: string;
  /** Metadata requests seen, for tests that check when the network is (not) used. */
  metadataRequests: string[];
  /** Prime Video's catalog requests seen (playerChromeResources, GetVodPlaybackResources). */
  primeRequests: string[];
  /** The imitation TVmaze and Wikidata, served by Host on the same port (issue 17). */
  providers: ProviderImitation;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const metadataRequests: string[] = [];
  const primeRequests: string[] = [];
  const providers = providerImitation();
  // Netflix is HTTPS only, and so is Backstory's match pattern: the imitation is served over TLS with a throwaway
  // certificate made for this run, which only the test browser (told to) accepts.
  const pems = await generate([{ name: 'commonName', value: 'www.netflix.com' }], {
    keyType: 'ec',
    notAfterDate: new Date(Date.now() + 86_400_000),
    algorithm: 'sha256',
  });
  const server: Server = createServer({ key: pems.private, cert: pems.cert }, async (req, res) => {
    if (providers.handle(req, res)) return;
    const url = new URL(req.url ?? '/', 'https://www.netflix.com');
    const prime = PRIME_HOSTS.includes((req.headers.host ?? '').replace(/:\d+$/, ''));
    try {
      if (prime) return await servePrime(url, req.method ?? 'GET', res, primeRequests);
      if (url.pathname.startsWith('/fixture/')) {
        const name = url.pathname.slice('/fixture/'.length);
        if (!/^[\w.-]+$/.test(name)) throw new Error('bad name');
        const ext = name.slice(name.lastIndexOf('.'));
        res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(await readFile(`${FIXTURES}${name}`));
        return;
      }
      if (url.pathname.endsWith('/metadata') || url.pathname.startsWith('/api/shakti/')) {
        metadataRequests.push(url.pathname + url.search);
        const cookies = req.headers.cookie ?? '';
        // Like the real member API, only for a signed-in viewer: the request must carry the session cookie the page
        // set, which proves the background's request (lib/sites/server-ask.ts) goes with the viewer's cookies.
        // GUESS: the status the real route gives without it (401 here).
        if (!/(^|; )NetflixId=/.test(cookies)) {
          res.writeHead(401, { 'content-type': 'application/json' });
          res.end('{"error":"not signed in"}');
          return;
        }
        const enabled = !cookies.includes('fixture-metadata=0');
        // Only the real route answers [S3, S1]; the shakti routes are gone from the real site (421/404 [S2]).
        const doc =
          enabled && url.pathname === '/nq/website/memberapi/release/metadata'
            ? metadataFor(url.searchParams.get('movieid'), {
                lang: /fixture-lang=de/.test(cookies) ? 'de' : 'en',
                english: url.searchParams.get('languages') === 'en-US',
                hidden: cookies.includes('fixture-hidden=1'),
              })
            : undefined;
        // GUESS: an unknown id answers 404 (the real status is not known).
        res.writeHead(doc ? 200 : url.pathname.includes('shakti') ? 421 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(doc ?? { error: 'not found' }));
        return;
      }
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      res.end(await readFile(`${FIXTURES}app.html`));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: 'https://www.netflix.com',
    metadataRequests,
    primeRequests,
    providers,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The imitation Prime Video (tests/fixtures/primevideo/): its page, assets and the two catalog routes (#16). */
async function servePrime(url: URL, method: string, res: ServerResponse, seen: string[]): Promise<void> {
  if (url.pathname.startsWith('/fixture/')) {
    const name = url.pathname.slice('/fixture/'.length);
    if (!/^[\w.-]+$/.test(name)) throw new Error('bad name');
    const ext = name.slice(name.lastIndexOf('.'));
    res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(await readFile(`${PRIME_FIXTURES}${name}`));
    return;
  }
  if (url.pathname.endsWith('/playerChromeResources/v1') || url.pathname.endsWith('/GetVodPlaybackResources')) {
    seen.push(`${method} ${url.pathname}${url.search}`);
    const catalog = url.searchParams.get('desiredResources')?.includes('catalogMetadataV2')
      ? chromeResources(url.searchParams.get('entityId'))
      : undefined;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(catalog ?? { resources: {} }));
    return;
  }
  if (url.pathname === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
  res.end(await readFile(`${PRIME_FIXTURES}app.html`));
}
