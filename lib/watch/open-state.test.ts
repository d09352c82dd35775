import { describe, expect, it } from 'vitest';
import type { Identity } from './identity';
import { INITIAL_OPEN, MAX_CLOSED, type OpenEvent, type OpenState, reduceOpen } from './open-state';

const resolved = (showId: string, episodeId = 's1e1'): OpenEvent => ({
  type: 'identity',
  identity: { status: 'resolved', showId, episodeId, videoId: '1', via: 'url', confirmed: true },
});
const unknown: OpenEvent = { type: 'identity', identity: { status: 'unknown', reason: 'unknown-show', titleMissing: false } };
const detecting: OpenEvent = { type: 'identity', identity: { status: 'detecting' } satisfies Identity };
const failed: OpenEvent = { type: 'identity', identity: { status: 'failed' } };
const settings = (autoOpen: boolean, closedFor?: string[]): OpenEvent => ({ type: 'settings', autoOpen, closedFor });
const viewer = (open: boolean): OpenEvent => ({ type: 'viewer', open });
const run = (events: OpenEvent[], from: OpenState = INITIAL_OPEN) => events.reduce(reduceOpen, from);

describe('the open/closed state', () => {
  // [what happens, events, open, announce (kept in sight a few seconds), shows it stays closed for]
  const table: [string, OpenEvent[], boolean, boolean, string[]][] = [
    ['nothing known yet: closed', [], false, false, []],
    ['still detecting: closed', [detecting], false, false, []],
    ['a recognised episode: opens by itself, in sight', [resolved('hs')], true, true, []],
    ['the same episode again (the title confirmed it): open, no new cue', [resolved('hs'), resolved('hs')], true, false, []],
    ['the next episode while open: stays open, in sight again', [resolved('hs'), resolved('hs', 's1e2')], true, true, []],
    ['autoplay: detecting keeps it open', [resolved('hs'), detecting], true, false, []],
    ['a title without a pack: closed', [unknown], false, false, []],
    ['identification failed: closed', [failed], false, false, []],
    ['auto-open off: closed', [settings(false), resolved('hs')], false, false, []],
    [
      'settings arrive after the episode: opens then, in sight',
      [settings(false), resolved('hs'), settings(true)],
      true,
      true,
      [],
    ],
    ['settings arrive while detecting: no decision yet', [detecting, settings(true)], false, false, []],
    ['a show closed before: stays closed', [settings(true, ['hs']), resolved('hs')], false, false, ['hs']],
    ['another show than the closed one: opens', [settings(true, ['x']), resolved('hs')], true, true, ['x']],
    ['closed by hand: remembered for the show', [resolved('hs'), viewer(false)], false, false, ['hs']],
    ['closed by hand, next episode: stays closed', [resolved('hs'), viewer(false), resolved('hs', 's1e2')], false, false, ['hs']],
    ['closed by hand, then another show: opens', [resolved('hs'), viewer(false), resolved('b')], true, true, ['hs']],
    ['opened again by hand: forgotten', [settings(true, ['hs']), resolved('hs'), viewer(true)], true, false, []],
    [
      'opened by hand with auto-open off: holds for the show',
      [settings(false), resolved('hs'), viewer(true), resolved('hs', 's1e2')],
      true,
      true,
      [],
    ],
    ['chosen by hand, settings change: the choice holds', [resolved('hs'), viewer(false), settings(true)], false, false, ['hs']],
    ['closed by hand on an unknown title: nothing remembered', [unknown, viewer(true), viewer(false)], false, false, []],
  ];

  it.each(table)('%s', (_what, events, open, announce, closedFor) => {
    const state = run(events);
    expect({ open: state.open, announce: state.announce, closedFor: state.closedFor }).toEqual({ open, announce, closedFor });
  });

  it('remembers at most MAX_CLOSED shows, the latest', () => {
    let state = INITIAL_OPEN;
    for (let i = 0; i <= MAX_CLOSED; i++) state = run([resolved(`show${i}`), viewer(false)], state);
    expect(state.closedFor).toHaveLength(MAX_CLOSED);
    expect(state.closedFor.at(-1)).toBe(`show${MAX_CLOSED}`);
    expect(state.closedFor).not.toContain('show0');
  });

  it('never changes the state it is given', () => {
    const before = run([resolved('hs')]);
    const copy = structuredClone(before);
    reduceOpen(before, viewer(false));
    expect(before).toEqual(copy);
  });
});
