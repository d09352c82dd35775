import { describe, expect, it, vi } from 'vitest';
import { focusPlayer, pressPlayerKey } from './player-keys';

function player() {
  document.body.innerHTML = '<div class="root"><div class="view" tabindex="0"><video></video></div></div>';
  const root = document.querySelector('.root') as HTMLElement;
  const video = document.querySelector('video') as HTMLVideoElement;
  let paused = false;
  Object.defineProperty(video, 'paused', { get: () => paused });
  video.play = vi.fn(async () => {
    paused = false;
  });
  video.pause = vi.fn(() => {
    paused = true;
  });
  return { root, video };
}

describe('a player key pressed in the panel', () => {
  it('hands the keyboard to the player’s own focusable element', () => {
    const { root } = player();
    focusPlayer(root);
    expect(document.activeElement?.className).toBe('view');
  });

  it('plays or pauses the video, and mutes it', () => {
    const { root, video } = player();
    pressPlayerKey('play', root, video);
    expect(video.pause).toHaveBeenCalledTimes(1);
    pressPlayerKey('play', root, video);
    expect(video.play).toHaveBeenCalledTimes(1);
    pressPlayerKey('mute', root, video);
    expect(video.muted).toBe(true);
    pressPlayerKey('player', root, video);
    expect(video.muted).toBe(true);
    expect(video.pause).toHaveBeenCalledTimes(1);
    expect(document.activeElement?.className).toBe('view');
  });

  it('asks for fullscreen on the player’s root, and leaves it when fullscreen', () => {
    const { root, video } = player();
    root.requestFullscreen = vi.fn(async () => undefined);
    document.exitFullscreen = vi.fn(async () => undefined);
    pressPlayerKey('fullscreen', root, video);
    expect(root.requestFullscreen).toHaveBeenCalledTimes(1);
    Object.defineProperty(document, 'fullscreenElement', { value: root, configurable: true });
    pressPlayerKey('fullscreen', root, video);
    expect(document.exitFullscreen).toHaveBeenCalledTimes(1);
    Object.defineProperty(document, 'fullscreenElement', { value: null, configurable: true });
  });
});
