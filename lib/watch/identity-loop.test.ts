import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Identification } from '../sites/site';
import type { Identity } from './identity';
import { startIdentityLoop } from './identity-loop';

const episode = (episodeId: string): Identification => ({
  status: 'resolved',
  showId: 'heartstopper',
  episodeId,
  videoId: '1',
  via: 'url',
  confirmed: true,
});

/** A reader whose answers the test gives, one look at a time. */
function reader() {
  const looks: ((result: Identification | Error) => void)[] = [];
  const identify = vi.fn(
    () => new Promise<Identification>((resolve, reject) => looks.push((r) => (r instanceof Error ? reject(r) : resolve(r)))),
  );
  return { identify, answer: (i: number, result: Identification | Error) => looks[i]?.(result) };
}
const flush = () => vi.advanceTimersByTimeAsync(0);

describe('the identity loop', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('emits what the latest look found, and drops an older look that answers late', async () => {
    const page = reader();
    const seen: Identity[] = [];
    const loop = startIdentityLoop(
      page.identify,
      (i) => seen.push(i),
      () => true,
    );
    void loop.refresh();
    void loop.refresh();
    page.answer(1, episode('s1e2'));
    page.answer(0, episode('s1e1'));
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    await Promise.resolve();
    expect(seen.map((i) => i.status === 'resolved' && i.episodeId)).toEqual(['s1e2']);
    expect(loop.current()).toMatchObject({ episodeId: 's1e2' });
    loop.lost();
    expect(loop.current()).toEqual({ status: 'detecting' });
  });

  it('waits out a recap, looking again every 2 s', async () => {
    const page = reader();
    const seen: Identity[] = [];
    const loop = startIdentityLoop(
      page.identify,
      (i) => seen.push(i),
      () => true,
    );
    void loop.refresh();
    page.answer(0, { status: 'waiting', videoId: '9' });
    await vi.advanceTimersByTimeAsync(1999);
    expect(page.identify).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(page.identify).toHaveBeenCalledTimes(2);
    page.answer(1, episode('s1e1'));
    await vi.waitFor(() => expect(loop.current().status).toBe('resolved'));
    // Already detecting: the recap does not emit "detecting" again.
    expect(seen.map((i) => i.status)).toEqual(['resolved']);
  });

  it('says a look failed, unless the extension is gone or the loop stopped', async () => {
    const page = reader();
    let valid = true;
    const seen: Identity[] = [];
    const loop = startIdentityLoop(
      page.identify,
      (i) => seen.push(i),
      () => valid,
    );
    void loop.refresh();
    page.answer(0, new Error('no answer'));
    await vi.waitFor(() => expect(seen).toEqual([{ status: 'failed' }]));
    valid = false;
    void loop.refresh();
    page.answer(1, new Error('no answer'));
    await flush();
    loop.stop();
    void loop.refresh();
    expect(seen).toEqual([{ status: 'failed' }]);
    expect(page.identify).toHaveBeenCalledTimes(2);
  });

  it('lets a page that keeps changing its video id identify 30 times a minute, and the rest later', async () => {
    const page = reader();
    const loop = startIdentityLoop(
      page.identify,
      () => undefined,
      () => true,
    );
    for (let i = 0; i < 40; i++) void loop.refresh();
    expect(page.identify).toHaveBeenCalledTimes(30);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(page.identify).toHaveBeenCalledTimes(31);
    loop.stop();
  });
});
