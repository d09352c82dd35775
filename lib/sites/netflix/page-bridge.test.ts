import { describe, expect, it } from 'vitest';
import { MAX_STATE_CHARS, parsePageState, REQUEST_EVENT, requestPageState, STATE_EVENT } from './page-bridge';
import { MAX_REQUEST_CHARS } from './page-bridge-events';

const good = { source: 'backstory-page', nonce: 'n1', videoId: '90000101', season: 1, episode: 1, showTitle: 'Heartstopper' };

describe('parsePageState: messages from the page world are untrusted', () => {
  it('accepts a JSON object answering our request, and passes its fields on for the background to check', () => {
    expect(parsePageState(JSON.stringify(good), 'n1')).toMatchObject({ videoId: '90000101', season: 1 });
    // Each field is checked where it is used (lib/service/inputs.ts; tests/identity.test.ts holds those cases).
    expect(parsePageState(JSON.stringify({ ...good, episode: -1 }), 'n1')).toMatchObject({ episode: -1 });
  });

  it.each([
    ['an object instead of a string', good],
    ['invalid JSON', '{"source":'],
    ['a JSON value that is no object', '"backstory-page"'],
    ['null', 'null'],
    ['an array', JSON.stringify([good])],
    ['another nonce', JSON.stringify({ ...good, nonce: 'other' })],
    ['a wrong source', JSON.stringify({ ...good, source: 'evil' })],
    ['a huge string', JSON.stringify({ ...good, showTitle: 'x'.repeat(MAX_STATE_CHARS) })],
  ])('ignores %s', (_label, detail) => {
    expect(parsePageState(detail, 'n1')).toBeUndefined();
  });

  it('does not let __proto__ or constructor keys pollute anything', () => {
    const forged = `{"source":"backstory-page","nonce":"n1","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"videoId":"1"}`;
    const state = parsePageState(forged, 'n1');
    expect(state?.videoId).toBe('1');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
  });
});

describe('requestPageState', () => {
  it('sends its nonce with the ids of the video the page shows, within what the page-world script answers', async () => {
    const asked: string[] = [];
    const listen = (event: Event) => asked.push((event as CustomEvent).detail);
    window.addEventListener(REQUEST_EVENT, listen);
    await requestPageState(window, ['123456789012345', undefined], 5);
    await requestPageState(window, [undefined, '123456789012345'], 5);
    window.removeEventListener(REQUEST_EVENT, listen);
    expect(asked.map((d) => d.split(' ').slice(1))).toEqual([
      ['123456789012345', ''],
      ['', '123456789012345'],
    ]);
    expect(asked.every((d) => d.length <= MAX_REQUEST_CHARS)).toBe(true);
  });

  it('skips forged replies and takes the first valid one', async () => {
    const forger = (event: Event) => {
      const [nonce] = ((event as CustomEvent).detail as string).split(' ');
      for (const junk of ['not json', JSON.stringify({ ...good, nonce: 'guessed', videoId: '90000199' }), 'x'.repeat(50_000)])
        window.dispatchEvent(new CustomEvent(STATE_EVENT, { detail: junk }));
      window.dispatchEvent(new CustomEvent(STATE_EVENT, { detail: JSON.stringify({ ...good, nonce }) }));
    };
    window.addEventListener(REQUEST_EVENT, forger);
    expect(await requestPageState(window, ['90000101', undefined], 100)).toMatchObject({ videoId: '90000101' });
    window.removeEventListener(REQUEST_EVENT, forger);
  });

  it('gives up quietly when nothing answers', async () => {
    expect(await requestPageState(window, [], 20)).toBeUndefined();
  });
});
