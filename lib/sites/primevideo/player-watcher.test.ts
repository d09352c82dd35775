import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAdLedger } from './ad-ledger';
import { type WatchMarks, watchPlayer } from './player-watcher';

const tick = (ms = 40) => new Promise((r) => setTimeout(r, ms));
const overlay = `<div id="dv-web-player" tabindex="-1"><div class="atvwebplayersdk-video-surface"><div><video src="blob:x"></video></div></div>
  <div class="atvwebplayersdk-player-container" aria-label="Web Player"><div class="atvwebplayersdk-title-text">Heartstopper</div>
  <div class="atvwebplayersdk-episode-info">S1 E1 Meet</div></div></div>`;
const events = () => ({ onPlayer: vi.fn(), onPlayerGone: vi.fn(), onChange: vi.fn() });
/** Gives the <video> a length and announces it, as a browser does when a programme loads. */
function length(seconds: number) {
  const video = document.querySelector('video') as HTMLVideoElement;
  Object.defineProperty(video, 'duration', { value: seconds, configurable: true });
  video.dispatchEvent(new Event('durationchange'));
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('watching Prime Video’s player overlay', () => {
  it('reports the player when the overlay opens on the detail page, and its going when it closes', async () => {
    document.body.innerHTML = overlay;
    const e = events();
    const watcher = watchPlayer(document, e, { ledger: createAdLedger() }, 10);
    await tick();
    expect(e.onPlayer).not.toHaveBeenCalled();
    document.getElementById('dv-web-player')?.classList.add('dv-player-fullscreen');
    await tick();
    expect(e.onPlayer).toHaveBeenCalledTimes(1);
    expect(e.onChange).toHaveBeenCalledWith('video');
    document.getElementById('dv-web-player')?.classList.remove('dv-player-fullscreen');
    await tick();
    expect(e.onPlayerGone).toHaveBeenCalledTimes(1);
    watcher.stop();
  });

  it('reports the next episode in the same <video>: a new length marks the old title stale until it changes', async () => {
    document.body.innerHTML = overlay;
    document.getElementById('dv-web-player')?.classList.add('dv-player-fullscreen');
    const e = events();
    const marks: WatchMarks = { ledger: createAdLedger() };
    const watcher = watchPlayer(document, e, marks, 10);
    await tick();
    length(1500);
    await tick();
    // The first length is this programme's own: nothing new.
    expect(e.onChange).toHaveBeenCalledTimes(1);
    expect(marks.stale).toBeUndefined();
    length(1400);
    await tick();
    expect(e.onChange).toHaveBeenCalledTimes(2);
    expect(marks.stale).toBe('Heartstopper|S1 E1 Meet');
    const info = document.querySelector('.atvwebplayersdk-episode-info');
    if (info) info.textContent = 'S1 E2 Crush';
    await tick();
    expect(e.onChange).toHaveBeenCalledTimes(3);
    expect(e.onChange).toHaveBeenLastCalledWith('video');
    expect(marks.stale).toBeUndefined();
    watcher.stop();
  });

  it('collapses a burst of caption rewrites into no new video', async () => {
    document.body.innerHTML = overlay;
    document.getElementById('dv-web-player')?.classList.add('dv-player-fullscreen');
    const e = events();
    const watcher = watchPlayer(document, e, { ledger: createAdLedger() }, 10);
    await tick();
    const caption = document.createElement('span');
    caption.className = 'atvwebplayersdk-captions-text';
    document.querySelector('.atvwebplayersdk-player-container')?.append(caption);
    for (let i = 0; i < 50; i++) caption.textContent = `line ${i}`;
    await tick();
    expect(e.onChange).toHaveBeenCalledTimes(1);
    watcher.stop();
  });

  it('reports a layout change for elements and captions, not for the clock, and reads no style for the clock', async () => {
    document.body.innerHTML = overlay;
    document.getElementById('dv-web-player')?.classList.add('dv-player-fullscreen');
    const container = document.querySelector('.atvwebplayersdk-player-container') as Element;
    container.insertAdjacentHTML(
      'beforeend',
      '<div class="atvwebplayersdk-bottompanel-container"><span class="time">0:01</span></div>',
    );
    const e = { ...events(), onLayout: vi.fn() };
    const watcher = watchPlayer(document, e, { ledger: createAdLedger() }, 10);
    await tick();
    expect(e.onLayout).toHaveBeenCalledTimes(1);
    const styles = vi.spyOn(window, 'getComputedStyle');
    const clock = container.querySelector('.time') as Element;
    for (let i = 2; i < 5; i++) {
      clock.textContent = `0:0${i}`;
      await tick();
    }
    expect(e.onLayout).toHaveBeenCalledTimes(1);
    expect(styles).not.toHaveBeenCalled();
    // The controls coming (an element) and a caption's text changing move what the panel keeps clear of.
    container.insertAdjacentHTML('beforeend', '<div class="atvwebplayersdk-nextupcard-wrapper"></div>');
    await tick();
    expect(e.onLayout).toHaveBeenCalledTimes(2);
    container.insertAdjacentHTML('beforeend', '<span class="atvwebplayersdk-captions-text">Hi</span>');
    await tick();
    const caption = container.querySelector('.atvwebplayersdk-captions-text') as Element;
    (caption.firstChild as Text).data = 'Hi there, on two lines';
    await tick();
    expect(e.onLayout).toHaveBeenCalledTimes(4);
    // Closing the overlay is still seen.
    document.getElementById('dv-web-player')?.setAttribute('style', 'display: none');
    await tick();
    expect(e.onPlayerGone).toHaveBeenCalledTimes(1);
    styles.mockRestore();
    watcher.stop();
  });
});
