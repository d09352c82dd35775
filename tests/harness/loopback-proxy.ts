/**
 * The Firefox counterpart of Chromium's --host-resolver-rules: a CONNECT proxy on loopback that tunnels
 * www.netflix.com:443, the imitation Prime Video's hosts, and the imitation TVmaze and Wikidata (provider-imitation.ts), to the fixture server and
 * refuses everything else, so nothing leaves the machine. Firefox is pointed at it by its proxy preferences
 * (firefox.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { PRIME_HOSTS } from './fixture-server';
import { PROVIDER_HOSTS } from './provider-imitation';

const TUNNELLED = new Set(['www.netflix.com', ...PRIME_HOSTS, ...PROVIDER_HOSTS].map((host) => `${host}:443`));

export interface LoopbackProxy {
  port: number;
  /** Hosts Firefox asked for that were refused: a test can assert that nothing tried to leave. */
  refused: string[];
  close(): Promise<void>;
}

export async function startLoopbackProxy(fixturePort: number): Promise<LoopbackProxy> {
  const refused: string[] = [];
  // The open tunnels: the HTTP server forgets a socket once it is a CONNECT tunnel, so closing it waits on every
  // tunnel a browser still holds, for as long as that browser lives (one that did not quit in time would keep the
  // Firefox suite's clean-up past its hook timeout). Closing the proxy ends them.
  const tunnels = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    // Plain HTTP through the proxy: Backstory only matches https pages, and nothing else may go out.
    refused.push(req.url ?? '');
    res.writeHead(403).end();
  });
  server.on('connect', (req, client, head) => {
    const target = req.url ?? '';
    if (!TUNNELLED.has(target)) {
      refused.push(target);
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(fixturePort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    const drop = () => {
      upstream.destroy();
      client.destroy();
      tunnels.delete(drop);
    };
    tunnels.add(drop);
    upstream.on('error', drop);
    client.on('error', drop);
    client.on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const drop of [...tunnels]) drop();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
