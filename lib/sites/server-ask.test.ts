// The background's own request to a site's server (here Netflix's member API), per tab, inside identifyEpisode.
import { describe, expect, it, vi } from 'vitest';
import { metadataFor } from '../../tests/fixtures/netflix/catalog.js';
import { METADATA_PER_MINUTE } from './netflix/metadata-fetch';
import { createServerAsker } from './server-ask';

/** Netflix as the fixture server imitates it: the member API route only, for an id of the fixture catalog. */
const netflix = () =>
  vi.fn(async (input: URL | RequestInfo, _init?: RequestInit) => {
    const url = new URL(String(input));
    const doc =
      url.pathname === '/nq/website/memberapi/release/metadata' || url.pathname === '/moved/metadata'
        ? metadataFor(url.searchParams.get('movieid'), { lang: 'en', english: true })
        : undefined;
    return doc ? new Response(JSON.stringify(doc)) : new Response('{}', { status: 404 });
  });

describe('createServerAsker', () => {
  it('asks Netflix’s own origin with the viewer’s cookies, and names the answer the server’s', async () => {
    const fetchImpl = netflix();
    const server = createServerAsker(fetchImpl as typeof fetch);
    const answer = await server.ask('netflix', 7, { videoId: '90000103' });
    expect(answer).toEqual({
      outcome: 'ok',
      signal: {
        kind: 'metadata',
        value: expect.objectContaining({ titleId: '81059939', season: 1, episode: 3, episodeVideoId: '90000103' }),
      },
    });
    const [url, init] = fetchImpl.mock.calls[0] ?? [];
    expect(new URL(String(url)).origin).toBe('https://www.netflix.com');
    expect(init).toMatchObject({ credentials: 'include', cache: 'no-store' });
    // Kept for the panel's "Copy diagnostics" of that tab only.
    expect(server.last(7)).toEqual(answer);
    expect(server.last(8)).toBeUndefined();
  });

  it('calls an answer on the route the page named the page’s word', async () => {
    const fetchImpl = vi.fn(async (input: URL | RequestInfo) => {
      const url = new URL(String(input));
      return url.pathname === '/nq/website/memberapi/v6c030968/metadata'
        ? new Response(JSON.stringify(metadataFor(url.searchParams.get('movieid'), { lang: 'en', english: true })))
        : new Response('{}', { status: 404 });
    });
    const server = createServerAsker(fetchImpl as typeof fetch);
    expect(await server.ask('netflix', 7, { videoId: '90000101', pageRoute: '/nq/website/memberapi/v6c030968' })).toMatchObject({
      signal: { kind: 'page-metadata' },
    });
  });

  it('asks nothing for a site with no server route of its own (Prime Video)', async () => {
    const fetchImpl = netflix();
    const server = createServerAsker(fetchImpl as typeof fetch);
    expect(await server.ask('primevideo', 7, { videoId: 'B0ABCDEFGH' })).toBeUndefined();
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('keeps each tab’s rate limit apart, and forgets a closed tab', async () => {
    const fetchImpl = vi.fn(async (_input: URL | RequestInfo, _init?: RequestInit) => new Response('{}', { status: 404 }));
    const server = createServerAsker(fetchImpl as typeof fetch);
    for (let id = 1; id <= METADATA_PER_MINUTE + 5; id++) await server.ask('netflix', 7, { videoId: String(id) });
    expect(fetchImpl).toHaveBeenCalledTimes(METADATA_PER_MINUTE);
    expect(server.last(7)).toEqual({ outcome: 'skipped (too many requests)' });
    // Another tab is asked for: one page cannot spend another's requests.
    await server.ask('netflix', 8, { videoId: '1' });
    expect(fetchImpl).toHaveBeenCalledTimes(METADATA_PER_MINUTE + 1);
    server.forget(7);
    expect(server.last(7)).toBeUndefined();
    await server.ask('netflix', 7, { videoId: '2' });
    expect(fetchImpl).toHaveBeenCalledTimes(METADATA_PER_MINUTE + 2);
  });
});
