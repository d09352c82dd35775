/**
 * Serves the imitation Netflix site on loopback: the single-page app for /browse and /watch/<id>, its assets,
 * and the member API's metadata route. Chromium reaches it as www.netflix.com through --host-resolver-rules.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { metadataFor } from '../fixtures/netflix/catalog.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/netflix/', import.meta.url));
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };

export interface FixtureServer {
  port: number;
  origin: string;
  /** Metadata requests seen, for tests that check when the network is (not) used. */
  metadataRequests: string[];
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const metadataRequests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://www.netflix.com');
    try {
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
    origin: 'http://www.netflix.com',
    metadataRequests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
