/**
 * The site's player keys, pressed while the panel had the keyboard (issue 25): the page side does what the key
 * does on the player, then hands the keyboard back to the player, so the next key reaches the site itself and
 * the panel can fade. Acting on the <video> and on the player's root, not re-sending the key: a key event made
 * by a script is untrusted, and a site may ignore it. Fullscreen needs the viewer's activation, which a key
 * press in the panel's frame gives the page too (Chromium passes a child frame's activation to its ancestors).
 */
import type { PlayerKey } from '../messaging/panel-messages';

/** The player's own focusable element (the site's keys go there), else its root. */
export function focusPlayer(root: Element): void {
  const focusable = [root, ...root.querySelectorAll('[tabindex]')].find((e) => (e as HTMLElement).tabIndex >= 0);
  ((focusable ?? root) as HTMLElement).focus({ preventScroll: true });
}

export function pressPlayerKey(key: PlayerKey, root: Element, video: HTMLVideoElement | null): void {
  focusPlayer(root);
  if (key === 'fullscreen')
    void (document.fullscreenElement ? document.exitFullscreen() : root.requestFullscreen()).catch(() => undefined);
  if (!video) return;
  if (key === 'play') video.paused ? void video.play().catch(() => undefined) : video.pause();
  if (key === 'mute') video.muted = !video.muted;
}
