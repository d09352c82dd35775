/**
 * Finds Netflix's player and reports when what it plays may have changed, doing as little as possible:
 * - until the player exists, one observer waits for it on <body> and is dropped as soon as it appears;
 * - then only the player's subtree is observed, and bursts of mutations (controls fading, the clock ticking)
 *   collapse into one cheap check after a short debounce. Nothing runs per frame and nothing polls.
 * - the subtitle layers are observed too (their subtree only), for the inline styles that move a cue, which the
 *   player's observer leaves out so that the clock's ticking stays cheap.
 * - a layout change (onLayout: the panel re-measures its room and may re-place its frame) is reported only when an
 *   element came or went, not when only text changed: the clock in the control bar ticks every second while the
 *   controls show, and re-measuring for it cost the page most of the extension's time during playback (issue 31).
 *   Such text changes are not checked at all: nothing the check looks for (the video id, the <video>, the title
 *   block) changes with them.
 * A change is reported when the video id, the <video> element or the URL changes, or when the title block
 * appears while an earlier look found nothing to read.
 */
import type { PlayerWatcher, PlayerWatcherEvents } from '../site';
import { CAPTION_LAYERS, PLAYER_ROOT, queryFirst, readVideoId, VIDEO, VIDEO_TITLE } from './selectors';

export type { PlayerWatcher, PlayerWatcherEvents };

/**
 * An element added or removed, or an attribute changed; or text changed inside a caption (a subtitle line growing
 * to two). Text elsewhere moves nothing the panel cares about: the clock ticks every second inside the control bar,
 * which the panel keeps clear of, but the bar's box does not change with it (issue 31: each tick re-measured the
 * room while the controls showed).
 */
function movesLayout(record: MutationRecord): boolean {
  if (record.type !== 'childList') return true;
  const isElement = (node: Node) => node.nodeType === Node.ELEMENT_NODE;
  if ([...record.addedNodes].some(isElement) || [...record.removedNodes].some(isElement)) return true;
  const parent = record.target instanceof Element ? record.target : record.target.parentElement;
  return !!parent?.closest(CAPTION_LAYERS);
}

export function watchPlayer(doc: Document, events: PlayerWatcherEvents, debounceMs = 150): PlayerWatcher {
  const videoIds = new WeakMap<Element, number>();
  let nextVideo = 1;
  let root: Element | null = null;
  let lastKey = '';
  let titleWanted = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let layoutChanged = false;
  let bodyObserver: MutationObserver | undefined;
  // Text that ticks outside the captions (the clock, every second while the controls show) changes neither the
  // layout nor the video: it is not even looked at (issue 31).
  const rootObserver = new MutationObserver((records) => {
    if (!records.some(movesLayout)) return;
    layoutChanged = true;
    schedule();
  });
  const parentObserver = new MutationObserver(() => {
    if (root && !root.isConnected) detach();
  });

  const videoKey = () => {
    const video = root ? queryFirst(root, VIDEO) : null;
    if (!video) return 0;
    if (!videoIds.has(video)) videoIds.set(video, nextVideo++);
    return videoIds.get(video) ?? 0;
  };

  function check() {
    timer = undefined;
    if (!root) return;
    if (!root.isConnected) return detach();
    const key = `${readVideoId(doc) ?? ''}|${videoKey()}|${doc.location?.pathname ?? ''}`;
    if (key !== lastKey) {
      lastKey = key;
      events.onChange('video');
    } else if (titleWanted && queryFirst(root, VIDEO_TITLE)) {
      titleWanted = false;
      events.onChange('title');
    }
    // The listeners above may have ended the watch (the extension went away under the page: lib/watch/extension-alive.ts).
    if (!root) return;
    if (layoutChanged) {
      layoutChanged = false;
      // The subtitle layers' subtrees too, for the inline styles that move a cue; they are looked for again when
      // elements came or went (autoplay replaces them), and observing one again only renews it.
      for (const layer of root.querySelectorAll(CAPTION_LAYERS))
        rootObserver.observe(layer, { subtree: true, childList: true, characterData: true, attributeFilter: ['style', 'class'] });
      events.onLayout?.();
    }
  }

  function schedule() {
    timer ??= setTimeout(check, debounceMs);
  }

  function attach(found: Element) {
    root = found;
    layoutChanged = true;
    bodyObserver?.disconnect();
    bodyObserver = undefined;
    rootObserver.observe(found, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-videoid'] });
    if (found.parentNode) parentObserver.observe(found.parentNode, { childList: true });
    events.onPlayer(found);
    check();
  }

  function detach() {
    rootObserver.disconnect();
    parentObserver.disconnect();
    root = null;
    lastKey = '';
    events.onPlayerGone();
    waitForPlayer();
  }

  function waitForPlayer() {
    const found = queryFirst(doc, PLAYER_ROOT);
    if (found) return attach(found);
    bodyObserver = new MutationObserver(() => {
      const appeared = queryFirst(doc, PLAYER_ROOT);
      if (appeared) attach(appeared);
    });
    bodyObserver.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  }

  waitForPlayer();
  return {
    poke: schedule,
    wantTitle: () => {
      titleWanted = true;
    },
    stop() {
      if (timer) clearTimeout(timer);
      bodyObserver?.disconnect();
      rootObserver.disconnect();
      parentObserver.disconnect();
      root = null;
    },
  };
}
