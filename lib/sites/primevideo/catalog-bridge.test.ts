import { describe, expect, it } from 'vitest';
import { parseReply } from './catalog-bridge';

const GTI = 'amzn1.dv.gti.00000000-0000-4000-8000-000000000101';
const reply = (entries: unknown, nonce = 'n1') => JSON.stringify({ source: 'backstory-prime', nonce, entries });
const catalog = { type: 'EPISODE', title: 'Meet', seriesTitle: 'Heartstopper', seasonNumber: 1, episodeNumber: 1 };

describe('the catalog channel', () => {
  it('reads a well-formed reply to our own request', () => {
    expect(parseReply(reply([{ gti: GTI, catalog, at: 3 }]), 'n1')).toEqual([
      { gti: GTI, type: 'episode', title: 'Meet', seriesTitle: 'Heartstopper', season: 1, episode: 1, at: 3 },
    ]);
  });

  it('ignores replies to another request, oversized ones and ones that are not JSON', () => {
    expect(parseReply(reply([{ gti: GTI, catalog }], 'other'), 'n1')).toBeUndefined();
    expect(parseReply(`${reply([])}${' '.repeat(20_000)}`, 'n1')).toBeUndefined();
    expect(parseReply('{not json', 'n1')).toBeUndefined();
    expect(parseReply('null', 'n1')).toBeUndefined();
  });

  it('drops entries with a malformed id, and passes the rest on for the background to check', () => {
    const entries = parseReply(
      reply([
        { gti: 'amzn1.dv.gti.../../x', catalog },
        { gti: GTI, catalog: null },
        {
          gti: GTI,
          catalog: { ...catalog, seasonNumber: -1, episodeNumber: 'two', title: 'x'.repeat(900), __proto__: { polluted: 1 } },
        },
      ]),
      'n1',
    );
    // Checked once, where used: lib/sites/primevideo/identify.test.ts runs these through the background.
    expect(entries).toEqual([
      { gti: GTI, type: 'episode', title: 'x'.repeat(900), seriesTitle: 'Heartstopper', season: -1, episode: 'two', at: 0 },
    ]);
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });
});
