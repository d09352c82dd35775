import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings';
import type { SiteAdapter } from '../sites/site';
import { mountPanelFrame, type PanelSession } from './panel-frame';
import type { WatchContext } from './watch-context';

const site = {
  video: ['video'],
  playerView: ['.view'],
  controls: ['.controls'],
  keepClear: [['.controls'], ['.subtitles']],
  controlBand: { top: 72, bottom: 128 },
} as unknown as SiteAdapter;

const resolved = { status: 'resolved', showId: 'show', episodeId: 's1e1', via: 'metadata', confirmed: true } as const;

/** A playing player (controls gone) with the panel's frame mounted; what the frame is sent and how it is styled. */
function mount(session: Partial<PanelSession> = {}, settings: Partial<Settings> = {}) {
  document.body.innerHTML = '<div class="player"><div class="view"><video></video></div></div>';
  const root = document.querySelector('.player') as Element;
  const stop = new AbortController();
  const ctx: WatchContext = {
    signal: stop.signal,
    isValid: true,
    onInvalidated: (callback) => stop.signal.addEventListener('abort', callback),
    addEventListener: () => undefined,
  };
  const sent: unknown[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    sent.push((message as { data: { state: unknown } }).data.state);
    return { ok: true, value: null };
  });
  vi.spyOn(fakeBrowser.runtime, 'connect').mockReturnValue({
    onDisconnect: { addListener: () => undefined },
  } as unknown as ReturnType<typeof fakeBrowser.runtime.connect>);
  const initial: PanelSession = { identity: resolved, open: false, settings: { ...DEFAULT_SETTINGS, ...settings }, ...session };
  const host = mountPanelFrame(ctx, site, root, initial);
  const frame = document.querySelector('iframe[data-backstory]') as HTMLIFrameElement;
  // Writes of the frame's style attribute, delivered or not yet.
  const delivered: MutationRecord[] = [];
  const observer = new MutationObserver((records) => delivered.push(...records));
  observer.observe(frame, { attributes: true, attributeFilter: ['style'] });
  const styleWrites = { takeRecords: () => [...delivered.splice(0), ...observer.takeRecords()] };
  const measured = vi.spyOn(Element.prototype, 'getBoundingClientRect');
  return { host, root, frame, sent, styleWrites, measured, stop, initial };
}

/** After the next frame is drawn, when the panel measures what changed (panel-frame.ts, measureSoon). */
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 1)));

/** The player's controls appear or go (the player watcher then reports a layout change: refit). */
function controls(root: Element, shown: boolean) {
  if (shown) root.insertAdjacentHTML('beforeend', '<div class="controls"></div>');
  else root.querySelector('.controls')?.remove();
}

describe('the panel frame while the panel is hidden', () => {
  afterEach(() => document.body.replaceChildren());

  it('writes its style in one go, every declaration important but the fade', () => {
    const { frame, stop } = mount();
    // Hidden: drawn but transparent, out of the pointer's way and inert (no focus, no clicks).
    expect(frame.style.getPropertyValue('pointer-events')).toBe('none');
    expect(frame.style.getPropertyPriority('pointer-events')).toBe('important');
    expect(frame.hasAttribute('inert')).toBe(true);
    expect(frame.style.getPropertyPriority('top')).toBe('important');
    expect(frame.style.getPropertyValue('right')).toBe('16px');
    expect(frame.style.getPropertyValue('opacity')).toBe('0');
    expect(frame.style.getPropertyPriority('opacity')).toBe('');
    stop.abort();
  });

  it('a refit while hidden measures nothing, writes no style and sends nothing', () => {
    const { host, root, sent, styleWrites, measured, stop } = mount();
    styleWrites.takeRecords();
    sent.length = 0;
    // Subtitles come and go under a hidden panel: only marked for later.
    root.insertAdjacentHTML('beforeend', '<div class="subtitles"></div>');
    host.refit();
    host.refit();
    expect(measured).not.toHaveBeenCalled();
    expect(styleWrites.takeRecords()).toEqual([]);
    expect(sent).toEqual([]);
    stop.abort();
  });

  it('measures when it shows, after the next frame, then writes one style change for showing and one for hiding', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { host, root, frame, styleWrites, measured, stop } = mount();
    styleWrites.takeRecords();
    controls(root, true);
    host.refit();
    // Not at once, while the page's layout may still be dirty from what the site just changed.
    expect(measured).not.toHaveBeenCalled();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    vi.advanceTimersByTime(1);
    expect(measured).toHaveBeenCalled();
    expect(frame.style.getPropertyValue('pointer-events')).toBe('auto');
    expect(frame.style.getPropertyValue('opacity')).toBe('1');
    expect(frame.hasAttribute('inert')).toBe(false);
    expect(styleWrites.takeRecords().filter((r) => r.attributeName === 'style')).toHaveLength(1);
    measured.mockClear();
    controls(root, false);
    host.refit();
    // Fading out on the compositor, out of the way of the pointer and the keyboard at once; nothing more after.
    expect(frame.style.getPropertyValue('opacity')).toBe('0');
    expect(frame.style.getPropertyValue('pointer-events')).toBe('none');
    expect(frame.hasAttribute('inert')).toBe(true);
    expect(styleWrites.takeRecords().filter((r) => r.attributeName === 'style')).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(styleWrites.takeRecords()).toEqual([]);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    vi.advanceTimersByTime(1);
    expect(measured).not.toHaveBeenCalled();
    stop.abort();
    vi.useRealTimers();
  });

  it('controls back while it fades out: it fades in again and stays in sight', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { host, root, frame, stop } = mount();
    controls(root, true);
    host.refit();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    vi.advanceTimersByTime(1);
    controls(root, false);
    host.refit();
    vi.advanceTimersByTime(150);
    controls(root, true);
    host.refit();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    vi.advanceTimersByTime(1000);
    expect(frame.style.getPropertyValue('pointer-events')).toBe('auto');
    expect(frame.style.getPropertyValue('opacity')).toBe('1');
    expect(frame.hasAttribute('inert')).toBe(false);
    stop.abort();
    vi.useRealTimers();
  });

  it('a caption that narrows its room while it shows resizes the frame and sends the frame nothing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { host, root, frame, sent, measured, stop } = mount({ open: true });
    const shown = async () => {
      host.refit();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      vi.advanceTimersByTime(1);
    };
    controls(root, true);
    await shown();
    // The panel would be 700 px tall with room enough: it gets the room below the top band, less the bottom band.
    host.resize(300, 700);
    const room = window.innerHeight - 72 - 128;
    expect(frame.style.getPropertyValue('height')).toBe(`${room}px`);
    sent.length = 0;
    // A caption line reaches into the panel's column: the frame stops above it (8 px clear).
    root.insertAdjacentHTML('beforeend', '<div class="subtitles"></div>');
    measured.mockImplementation(function (this: Element) {
      const box = this.matches('.subtitles')
        ? { left: 0, right: window.innerWidth, top: 400, bottom: 450 }
        : { left: 0, right: 0, top: 0, bottom: 0 };
      return {
        ...box,
        x: box.left,
        y: box.top,
        width: box.right - box.left,
        height: box.bottom - box.top,
        toJSON: () => box,
      } as DOMRect;
    });
    await shown();
    expect(frame.style.getPropertyValue('height')).toBe(`${400 - 8 - 72}px`);
    expect(sent).toEqual([]);
    stop.abort();
    vi.useRealTimers();
  });

  it('measures nothing for controls that came and went before the next frame', async () => {
    const { host, root, measured, stop } = mount();
    controls(root, true);
    host.refit();
    controls(root, false);
    host.refit();
    await nextFrame();
    expect(measured).not.toHaveBeenCalled();
    stop.abort();
  });

  it('sends an unchanged state once, and the whole state again each time the frame loads', async () => {
    const { host, frame, sent, stop, initial } = mount({ open: true }, { panelMode: 'pinned' });
    expect(sent).toHaveLength(1);
    host.refit();
    await nextFrame();
    host.update({ ...initial });
    expect(sent).toHaveLength(1);
    host.update({ ...initial, identity: { ...resolved, episodeId: 's1e2' } });
    expect(sent).toHaveLength(2);
    frame.dispatchEvent(new Event('load'));
    expect(sent).toHaveLength(3);
    expect(sent[2]).toEqual(host.current());
    stop.abort();
  });

  it('narrows the player view side by side once, not again on every refit', async () => {
    const { host, root, stop } = mount({ open: true }, { panelMode: 'side' });
    const view = root.querySelector('.view') as HTMLElement;
    expect(view.style.getPropertyValue('width')).toMatch(/^calc\(100% - \d+px\)$/);
    const writes = vi.spyOn(view.style, 'setProperty');
    host.refit();
    host.refit();
    await nextFrame();
    expect(writes).not.toHaveBeenCalled();
    stop.abort();
  });
});
