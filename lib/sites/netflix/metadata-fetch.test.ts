import { describe, expect, it, vi } from 'vitest';
import { metadataFor } from '../../../tests/fixtures/netflix/catalog.js';
import { createMetadataFetcher, METADATA_PER_MINUTE } from './metadata-fetch';

const ORIGIN = 'https://www.netflix.com';

/** Answers like the real site: only the member API route, localized unless languages=en-US; shakti is gone. */
const netflix = vi.fn(async (input: URL | RequestInfo) => {
  const url = new URL(String(input));
  if (url.pathname.startsWith('/api/shakti/')) return new Response('gone', { status: 421 });
  const doc =
    url.pathname === '/nq/website/memberapi/release/metadata'
      ? metadataFor(url.searchParams.get('movieid'), { lang: 'de', english: url.searchParams.get('languages') === 'en-US' })
      : undefined;
  return doc ? new Response(JSON.stringify(doc)) : new Response('{}', { status: 404 });
});

describe('createMetadataFetcher', () => {
  it('asks the member API route for English titles, and never the retired shakti route [S1, S2]', async () => {
    netflix.mockClear();
    const fetchMetadata = createMetadataFetcher(ORIGIN, netflix as typeof fetch);
    expect(await fetchMetadata('90000102')).toMatchObject({
      titleId: '81059939',
      showTitle: 'Heartstopper',
      episodeTitle: 'Crush',
    });
    const urls = netflix.mock.calls.map(([u]) => String(u));
    expect(urls).toEqual(['https://www.netflix.com/nq/website/memberapi/release/metadata?movieid=90000102&languages=en-US']);
    expect(fetchMetadata.outcome()).toBe('ok');
  });

  it('asks its own route first, and calls an answer from a path the page named the page’s word', async () => {
    netflix.mockClear();
    const fetchMetadata = createMetadataFetcher(ORIGIN, netflix as typeof fetch);
    // The page names the same route: the answer is the server's.
    expect(await fetchMetadata('90000101', '/nq/website/memberapi/release')).not.toHaveProperty('fromPage');
    expect(netflix.mock.calls.map(([u]) => new URL(String(u)).pathname)).toEqual(['/nq/website/memberapi/release/metadata']);
    // Where only the page's path answers, the answer carries that.
    const moved = vi.fn(async (input: URL | RequestInfo) => {
      const url = new URL(String(input));
      return url.pathname === '/nq/website/memberapi/v6c030968/metadata'
        ? new Response(JSON.stringify(metadataFor(url.searchParams.get('movieid'), { lang: 'en', english: true })))
        : new Response('{}', { status: 404 });
    });
    // The member API under a build identifier, as Netflix named it before 2024-09 [S3, S18].
    const onPagePath = createMetadataFetcher(ORIGIN, moved as typeof fetch);
    expect(await onPagePath('90000101', '/nq/website/memberapi/v6c030968')).toMatchObject({
      titleId: '81059939',
      fromPage: true,
    });
    expect(moved.mock.calls.map(([u]) => new URL(String(u)).pathname)).toEqual([
      '/nq/website/memberapi/release/metadata',
      '/nq/website/memberapi/v6c030968/metadata',
    ]);
  });

  it('asks no path the page names but a member API route (trust audit 3, F4)', async () => {
    const fetchImpl = vi.fn(async (_input: URL | RequestInfo) => new Response('{}', { status: 404 }));
    const fetchMetadata = createMetadataFetcher(ORIGIN, fetchImpl as typeof fetch);
    const routes = ['/youraccount/../any/path', '/any/path', '/nq/website/memberapi', '/nq/website/memberapi/a/b'];
    // A new id each time: an id that failed is not asked again at once.
    for (const [i, route] of routes.entries()) await fetchMetadata(`9000010${i}`, route);
    expect(fetchImpl.mock.calls.map(([u]) => new URL(String(u)).pathname)).toEqual(
      Array(4).fill('/nq/website/memberapi/release/metadata'),
    );
  });

  it('stops reading an answer past its size bound, however slowly or long it streams', async () => {
    let chunks = 0;
    const endless = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        chunks++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
    });
    const fetchMetadata = createMetadataFetcher(ORIGIN, (async () => new Response(endless)) as typeof fetch);
    expect(await fetchMetadata('90000101')).toBeUndefined();
    expect(fetchMetadata.outcome()).toBe('failed: too large');
    expect(chunks).toBeLessThan(60);
  });

  it('never requests another origin, even when the page names one', async () => {
    const fetchImpl = vi.fn(async () => new Response('{}'));
    const fetchMetadata = createMetadataFetcher(ORIGIN, fetchImpl as typeof fetch);
    await fetchMetadata('1', '//evil.example');
    for (const [url] of fetchImpl.mock.calls as unknown as [URL][]) expect(new URL(String(url)).origin).toBe(ORIGIN);
  });

  it('says what went wrong, without any of the answer, and does not ask again at once', async () => {
    const fetchImpl = vi.fn(async () => new Response('<html>not json</html>'));
    const fetchMetadata = createMetadataFetcher(ORIGIN, fetchImpl as typeof fetch);
    expect(await fetchMetadata('1')).toBeUndefined();
    expect(fetchMetadata.outcome()).toBe('failed: not JSON');
    expect(await fetchMetadata('1')).toBeUndefined();
    expect(fetchMetadata.outcome()).toBe('skipped (failed recently)');
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    const notFound = createMetadataFetcher(ORIGIN, netflix as typeof fetch);
    await notFound('5');
    expect(notFound.outcome()).toBe('failed: HTTP 404');
  });
});

describe('a page that keeps changing the video id (review B8)', () => {
  it('gets at most METADATA_PER_MINUTE metadata requests a minute from one tab', async () => {
    const fetchImpl = vi.fn(async () => new Response('{}', { status: 404 }));
    const fetchMetadata = createMetadataFetcher(ORIGIN, fetchImpl as typeof fetch);
    for (let id = 1; id <= 60; id++) await fetchMetadata(String(id));
    expect(fetchImpl).toHaveBeenCalledTimes(METADATA_PER_MINUTE);
    expect(fetchMetadata.outcome()).toBe('skipped (too many requests)');
  });
});
