/**
 * Follows Prime Video's player overlay (#2, #5): it opens on the detail page without a navigation, and on autoplay
 * the URL stays, the same <video> plays the next episode, its duration changes and the episode line follows after
 * a moment (#4). So a new video is reported when the <video> element or its source changes, when its length
 * changes (`durationchange`), or when the title text changes to something new; the title shown at that moment is
 * marked stale until it changes. The start and end of an ad are reported too (nothing is identified during one),
 * and noted in the ad ledger for the "watched" clock.
 * <body>'s own children and the player containers' class are watched; inside the open overlay its subtree, bursts
 * collapse into one check after a debounce, and nothing runs per frame.
 * As on Netflix (issue 31), a layout change (onLayout: the panel re-measures its room) is reported only when an
 * element came or went or an attribute changed, or a caption's text changed: not for each tick of the player's
 * clock (in the control bar, which the panel keeps clear of, but whose box the clock does not change). And whether the overlay is open (its computed display, which
 * makes the browser restyle a page the site just changed) is read again only when <body>'s children, a
 * container's class or style or the player's own changed.
 */
import type { PlayerWatcher, PlayerWatcherEvents } from '../site';
import type { AdLedger } from './ad-ledger';
import { activePlayer, adPlaying, readTitle } from './dom-reader';
import { CAPTION_TEXT, queryFirst, VIDEO } from './selectors';

export interface WatchMarks {
  stale?: string;
  ledger: AdLedger;
}

const isOpen = (root: Element) => root.isConnected && getComputedStyle(root).display !== 'none';

/** An element added or removed, an attribute changed, or text changed inside a caption line. */
const movesLayout = ({ type, target, addedNodes, removedNodes }: MutationRecord) =>
  type === 'attributes' ||
  [...addedNodes, ...removedNodes].some((node) => node.nodeType === Node.ELEMENT_NODE) ||
  !!(target.nodeType === Node.TEXT_NODE ? target.parentElement : (target as Element))?.closest(CAPTION_TEXT);

export function watchPlayer(doc: Document, events: PlayerWatcherEvents, marks: WatchMarks, debounceMs = 150): PlayerWatcher {
  const ids = new WeakMap<Element, number>();
  let next = 1;
  let root: Element | null = null;
  let lastKey = '';
  let lastText = '';
  let lengths = 0;
  let ad = false;
  let titleWanted = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let knownLength = Number.NaN;
  // What changed since the last check: something that may move what the panel keeps clear of; what may open or
  // close the overlay.
  let layoutChanged = true;
  let openChanged = true;
  const rootObserver = new MutationObserver((records) => {
    for (const record of records) {
      openChanged ||= record.type === 'attributes' && record.target === root;
      layoutChanged ||= movesLayout(record);
    }
    schedule();
  });
  const changed = () => {
    openChanged = layoutChanged = true;
    schedule();
  };
  // <body>'s own children only (the overlay is one, #2), and each player container's class and style (#5).
  const containerObserver = new MutationObserver(changed);
  const watchContainers = () => {
    containerObserver.disconnect();
    for (const c of (doc.body ?? doc.documentElement).children)
      if (c.id.startsWith('dv-web-player'))
        containerObserver.observe(c, { attributes: true, attributeFilter: ['class', 'style'] });
  };
  const bodyObserver = new MutationObserver(() => {
    watchContainers();
    changed();
  });
  const media = new AbortController();

  const video = () => (root ? queryFirst<HTMLVideoElement>(root, VIDEO) : null);
  const videoKey = () => {
    const v = video();
    if (!v) return '0';
    if (!ids.has(v)) ids.set(v, next++);
    return `${ids.get(v)}:${v.getAttribute('src') ?? ''}:${lengths}`;
  };

  function check() {
    timer = undefined;
    const found = activePlayer(doc);
    const reopen = openChanged;
    openChanged = false;
    if (root && (found !== root || !root.isConnected || (reopen && !isOpen(root)))) detach();
    if (!root) {
      if (found && isOpen(found)) attach(found);
      return;
    }
    const v = video();
    const nowAd = adPlaying(doc);
    if (v) marks.ledger.note(nowAd, v.currentTime);
    const title = readTitle(doc);
    const key = videoKey();
    if (key !== lastKey) {
      // A new video (or a new length in the same one): the title on screen is the previous episode's until it changes.
      if (lastKey) marks.stale = lastText || undefined;
      marks.ledger.reset();
      if (v) marks.ledger.note(nowAd, v.currentTime);
      lastKey = key;
      ad = nowAd;
      if (title) lastText = title.text;
      events.onChange('video');
    } else if (nowAd !== ad) {
      ad = nowAd;
      events.onChange('title');
    } else if (title && title.text !== lastText) {
      const wasEmpty = !lastText;
      lastText = title.text;
      marks.stale = undefined;
      // Text where there was none is the same video's; a different text is the next episode in the same <video>.
      if (!wasEmpty || titleWanted) events.onChange(wasEmpty ? 'title' : 'video');
      titleWanted = false;
    }
    if (layoutChanged) {
      layoutChanged = false;
      events.onLayout?.();
    }
  }

  function schedule() {
    timer ??= setTimeout(check, debounceMs);
  }

  function attach(found: Element) {
    root = found;
    layoutChanged = true;
    rootObserver.observe(found, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['class', 'style', 'src'],
    });
    events.onPlayer(found);
    check();
  }

  function detach() {
    rootObserver.disconnect();
    openChanged = layoutChanged = true;
    knownLength = Number.NaN;
    root = null;
    lastKey = '';
    lastText = '';
    marks.stale = undefined;
    marks.ledger.reset();
    events.onPlayerGone();
  }

  // The overlay is appended to <body>, and its class and style say whether it is open (#5).
  bodyObserver.observe(doc.body ?? doc.documentElement, { childList: true });
  watchContainers();
  // Media events do not bubble; captured on the document they show the same <video> taking a new length.
  doc.addEventListener(
    'durationchange',
    (event) => {
      const v = video();
      if (event.target !== v || !v) return;
      // A length that replaces a known one is another programme in the same <video>; the first is this one's.
      if (Number.isFinite(knownLength) && knownLength > 0 && v.duration !== knownLength) lengths++;
      knownLength = v.duration;
      schedule();
    },
    { capture: true, signal: media.signal },
  );
  schedule();
  return {
    poke: schedule,
    wantTitle: () => {
      titleWanted = true;
    },
    stop() {
      if (timer) clearTimeout(timer);
      bodyObserver.disconnect();
      containerObserver.disconnect();
      rootObserver.disconnect();
      media.abort();
      root = null;
    },
  };
}
