import { describe, expect, it, vi } from 'vitest';
import { createMetadataFetcher } from './metadata-fetch';

const ORIGIN = 'https://www.netflix.com';
const doc = {
  video: {
    id: 81059939,
    type: 'show',
    title: 'Heartstopper',
    seasons: [{ seq: 1, episodes: [{ id: 70001, seq: 2, title: 'Crush' }] }],
  },
};

function memory(initial?: string) {
  let value = initial;
  return {
    get: async () => value,
    set: vi.fn(async (t: string) => {
      value = t;
    }),
  };
}

describe('createMetadataFetcher', () => {
  it('tries the known routes in turn and remembers the one that answered', async () => {
    const fetchImpl = vi.fn(async (url: URL | RequestInfo) =>
      String(url).includes('/api/shakti/') ? new Response(JSON.stringify(doc)) : new Response('gone', { status: 421 }),
    );
    const mem = memory();
    const fetchMetadata = createMetadataFetcher(ORIGIN, mem, fetchImpl as typeof fetch);
    expect(await fetchMetadata('70001')).toMatchObject({ titleId: '81059939', season: 1, episode: 2, episodeTitle: 'Crush' });
    expect(mem.set).toHaveBeenCalledWith('/api/shakti/mre/metadata?movieid={id}');
    expect(String(fetchImpl.mock.calls[0]?.[0])).toContain('/nq/website/memberapi/release/metadata?movieid=70001');
  });

  it('never requests another origin, even when the page names one', async () => {
    const fetchImpl = vi.fn(async () => new Response('{}'));
    const fetchMetadata = createMetadataFetcher(ORIGIN, memory('//evil.example/x?id={id}'), fetchImpl as typeof fetch);
    await fetchMetadata('1', '//evil.example');
    for (const [url] of fetchImpl.mock.calls as unknown as [URL][]) expect(new URL(String(url)).origin).toBe(ORIGIN);
  });

  it('ignores answers that are not Netflix metadata', async () => {
    const fetchImpl = vi.fn(async () => new Response('<html>not json</html>'));
    const fetchMetadata = createMetadataFetcher(ORIGIN, memory(), fetchImpl as typeof fetch);
    expect(await fetchMetadata('1')).toBeUndefined();
  });
});
