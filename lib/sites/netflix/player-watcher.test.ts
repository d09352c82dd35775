import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchPlayer } from './player-watcher';

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));
const player = (id: string) => `<div class="watch-video"><div data-uia="player" data-videoid="${id}"><video></video></div></div>`;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('watchPlayer', () => {
  it('waits for the player, then reports it and its first video once', async () => {
    const events = { onPlayer: vi.fn(), onPlayerGone: vi.fn(), onChange: vi.fn() };
    const watcher = watchPlayer(document, events, 10);
    await tick();
    expect(events.onPlayer).not.toHaveBeenCalled();
    document.body.innerHTML = player('1');
    await tick();
    expect(events.onPlayer).toHaveBeenCalledTimes(1);
    expect(events.onChange).toHaveBeenCalledTimes(1);
    watcher.stop();
  });

  it('stops cleanly when a listener ends the watch while it reports a new video (the extension went away)', async () => {
    document.body.innerHTML = player('1');
    let watcher: ReturnType<typeof watchPlayer> | undefined;
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    const events = { onPlayer: vi.fn(), onPlayerGone: vi.fn(), onChange: vi.fn(() => watcher?.stop()) };
    expect(() => {
      watcher = watchPlayer(document, events, 10);
    }).not.toThrow();
    document.querySelector('[data-uia="player"]')?.setAttribute('data-videoid', '2');
    await tick();
    window.removeEventListener('error', onError);
    expect(errors).toEqual([]);
    // Its first video at start (nothing to stop yet), then the new one, whose listener stops the watch.
    expect(events.onChange).toHaveBeenCalledTimes(2);
  });

  it('collapses a burst of unrelated mutations into nothing', async () => {
    document.body.innerHTML = player('1');
    const events = { onPlayer: vi.fn(), onPlayerGone: vi.fn(), onChange: vi.fn() };
    const watcher = watchPlayer(document, events, 10);
    const clock = document.createElement('span');
    document.querySelector('[data-uia="player"]')?.append(clock);
    for (let i = 0; i < 50; i++) clock.textContent = `0:${i}`;
    await tick();
    expect(events.onChange).toHaveBeenCalledTimes(1);
    watcher.stop();
  });

  it('reports a layout change for elements coming and going, not for text ticking (the clock)', async () => {
    document.body.innerHTML = player('1');
    const events = { onPlayer: vi.fn(), onPlayerGone: vi.fn(), onChange: vi.fn(), onLayout: vi.fn() };
    const watcher = watchPlayer(document, events, 10);
    await tick();
    const first = events.onLayout.mock.calls.length;
    const holder = document.querySelector('[data-uia="player"]');
    const clock = document.createElement('span');
    holder?.append(clock);
    await tick();
    expect(events.onLayout).toHaveBeenCalledTimes(first + 1);
    for (let i = 0; i < 5; i++) {
      clock.textContent = `0:0${i}`;
      await tick();
    }
    (clock.firstChild as Text).data = '0:10';
    await tick();
    expect(events.onLayout).toHaveBeenCalledTimes(first + 1);
    clock.remove();
    await tick();
    expect(events.onLayout).toHaveBeenCalledTimes(first + 2);
    watcher.stop();
  });

  it('does not even look at the page again while only the clock ticks', async () => {
    document.body.innerHTML = player('1');
    const events = { onPlayer: vi.fn(), onPlayerGone: vi.fn(), onChange: vi.fn(), onLayout: vi.fn() };
    const watcher = watchPlayer(document, events, 10);
    const clock = document.createElement('span');
    document.querySelector('[data-uia="player"]')?.append(clock);
    await tick();
    const looks = vi.spyOn(document, 'querySelector');
    for (let i = 0; i < 5; i++) {
      clock.textContent = `0:0${i}`;
      await tick();
    }
    expect(looks).not.toHaveBeenCalled();
    watcher.stop();
  });

  it('does not report the clock ticking inside the control bar, which the panel keeps clear of', async () => {
    document.body.innerHTML = player('1');
    const events = { onPlayer: vi.fn(), onPlayerGone: vi.fn(), onChange: vi.fn(), onLayout: vi.fn() };
    const watcher = watchPlayer(document, events, 10);
    document
      .querySelector('[data-uia="player"]')
      ?.insertAdjacentHTML('beforeend', '<div data-uia="controls-standard"><span class="time">27:00</span></div>');
    await tick();
    const layouts = events.onLayout.mock.calls.length;
    const clock = document.querySelector('.time') as Element;
    for (let i = 0; i < 5; i++) {
      clock.textContent = `26:5${i}`;
      await tick();
    }
    expect(events.onLayout).toHaveBeenCalledTimes(layouts);
    watcher.stop();
  });

  it('reports a layout change for a subtitle line whose text changes (it may grow to two lines)', async () => {
    document.body.innerHTML = player('1');
    const subtitles = document.createElement('div');
    subtitles.className = 'player-timedtext';
    subtitles.innerHTML = '<span>One line</span>';
    document.querySelector('[data-uia="player"]')?.append(subtitles);
    const events = { onPlayer: vi.fn(), onPlayerGone: vi.fn(), onChange: vi.fn(), onLayout: vi.fn() };
    const watcher = watchPlayer(document, events, 10);
    await tick();
    const first = events.onLayout.mock.calls.length;
    (subtitles.firstElementChild as HTMLElement).textContent = 'A much longer line that wraps onto a second one';
    await tick();
    expect(events.onLayout).toHaveBeenCalledTimes(first + 1);
    watcher.stop();
  });

  it('reports a layout change when a caption moves (its inline style), and not for other style changes', async () => {
    document.body.innerHTML = player('1');
    const layer = document.createElement('div');
    layer.className = 'player-timedtext';
    layer.innerHTML = '<div class="player-timedtext-text-container" style="left: 10px; top: 500px"><span>Hi</span></div>';
    document.querySelector('[data-uia="player"]')?.append(layer);
    const events = { onPlayer: vi.fn(), onPlayerGone: vi.fn(), onChange: vi.fn(), onLayout: vi.fn() };
    const watcher = watchPlayer(document, events, 10);
    await tick();
    const before = events.onLayout.mock.calls.length;
    (document.querySelector('video') as HTMLElement).style.left = '3px';
    await tick();
    expect(events.onLayout.mock.calls.length).toBe(before);
    (document.querySelector('.player-timedtext-text-container') as HTMLElement).style.top = '420px';
    await tick();
    expect(events.onLayout.mock.calls.length).toBe(before + 1);
    // The text changed in place: the lines may be wider or taller.
    const line = document.querySelector('.player-timedtext-text-container span')?.firstChild as Text;
    line.data = 'A much longer line';
    await tick();
    expect(events.onLayout.mock.calls.length).toBe(before + 2);
    watcher.stop();
  });

  it('reports a new <video> (autoplay) and a new video id', async () => {
    document.body.innerHTML = player('1');
    const events = { onPlayer: vi.fn(), onPlayerGone: vi.fn(), onChange: vi.fn() };
    const watcher = watchPlayer(document, events, 10);
    const holder = document.querySelector('[data-uia="player"]');
    holder?.querySelector('video')?.replaceWith(document.createElement('video'));
    await tick();
    holder?.setAttribute('data-videoid', '2');
    await tick();
    expect(events.onChange.mock.calls.map((c) => c[0])).toEqual(['video', 'video', 'video']);
    watcher.stop();
  });

  it('reports the title block when asked to look for it', async () => {
    document.body.innerHTML = player('1');
    const events = { onPlayer: vi.fn(), onPlayerGone: vi.fn(), onChange: vi.fn() };
    const watcher = watchPlayer(document, events, 10);
    watcher.wantTitle();
    const title = document.createElement('div');
    title.setAttribute('data-uia', 'video-title');
    document.querySelector('[data-uia="player"]')?.append(title);
    await tick();
    expect(events.onChange).toHaveBeenLastCalledWith('title');
    watcher.stop();
  });

  it('notices the player being removed and waits for the next one', async () => {
    document.body.innerHTML = player('1');
    const events = { onPlayer: vi.fn(), onPlayerGone: vi.fn(), onChange: vi.fn() };
    const watcher = watchPlayer(document, events, 10);
    document.body.innerHTML = '';
    await tick();
    expect(events.onPlayerGone).toHaveBeenCalledTimes(1);
    document.body.innerHTML = player('3');
    await tick();
    expect(events.onPlayer).toHaveBeenCalledTimes(2);
    watcher.stop();
  });
});
