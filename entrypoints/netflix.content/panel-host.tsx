/**
 * Mounts the panel in a shadow root inside Netflix's player, and keeps it inside whatever element is fullscreen.
 * Events that Netflix reacts to (keys, clicks, pointer moves) stop at the shadow root, so typing in the panel
 * never triggers the player's shortcuts, clicking it never pauses the video, and hovering it does not keep the
 * controls awake.
 */

import { render } from 'preact';
import type { ContentScriptContext } from '#imports';
import { Panel, type PanelProps } from '../../components/panel/Panel';
// Inlined rather than fetched: no stylesheet has to be web-accessible, and mounting needs no request.
import panelCss from '../../components/panel/panel.css?inline';
import badgeCss from '../../components/shared/badge.css?inline';

const ISOLATED_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'click',
  'dblclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'mousemove',
  'pointermove',
  'wheel',
  'contextmenu',
];

export interface PanelHost {
  update(props: PanelProps): void;
  remove(): void;
}

export async function mountPanel(ctx: ContentScriptContext, playerRoot: Element, initial: PanelProps): Promise<PanelHost> {
  let props = initial;
  let container: HTMLElement | undefined;
  const draw = () => {
    if (!container) return;
    const { settings, open } = props;
    container.className = `bs-root${settings.panelSide === 'left' ? ' bs-root--left' : ''}${open ? '' : ' bs-root--closed'}`;
    container.style.setProperty('--bs-width', `${settings.panelWidth}px`);
    render(<Panel {...props} />, container);
  };

  // Built by hand rather than with WXT's createShadowRootUi: that helper brought about 3 KB (gzip) of general
  // machinery (anchoring modes, auto-mount, CSS splitting) into a script whose injected size has a 25 KB budget.
  const host = document.createElement('backstory-panel');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  // Netflix's page styles must not leak in: everything the host inherits is reset.
  style.textContent = `:host{all:initial !important;}\n${badgeCss}\n${panelCss}`;
  container = document.createElement('div');
  shadow.append(style, container);
  for (const type of ISOLATED_EVENTS) shadow.addEventListener(type, (event) => event.stopPropagation());
  playerRoot.append(host);
  draw();
  const remove = () => {
    if (container) render(null, container);
    container = undefined;
    host.remove();
  };
  ctx.onInvalidated(remove);

  // Follow fullscreen: Netflix fullscreens its own root, which may or may not contain the player subtree.
  // On the way out it goes back to the player root itself: the inner element may be replaced on autoplay.
  const followFullscreen = () => {
    const fullscreen = document.fullscreenElement;
    if (fullscreen) {
      if (!fullscreen.contains(host)) fullscreen.append(host);
    } else if (host.parentElement !== playerRoot && playerRoot.isConnected) {
      playerRoot.append(host);
    }
  };
  const stopFollowing = new AbortController();
  document.addEventListener('fullscreenchange', followFullscreen, { signal: stopFollowing.signal });
  followFullscreen();

  return {
    update(next) {
      props = next;
      draw();
    },
    remove() {
      stopFollowing.abort();
      remove();
    },
  };
}
