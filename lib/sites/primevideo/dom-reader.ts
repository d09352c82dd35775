/**
 * Reads what Prime Video's player shows, scoped to the active player overlay (#6: other `dv-web-player-N`
 * containers may hold stale copies): the title, the episode line, and whether an ad plays.
 */
import { cleanText } from '../netflix/title-parser';
import { AD_TIMER, EPISODE_LINE, NOT_TITLE, PLAYER_ROOT, queryFirst, TITLE } from './selectors';

export interface DomTitle {
  /** The raw text both came from, to tell a stale title from a new one. */
  text: string;
  /** The show's title and the episode line, as read: what the background parses (title.ts). */
  parts: string[];
}

/** The new arm's episode line is an unclassed element beside the heading (PMD+): found by its shape. */
const SHORT_CODE = /^S(?:eason)?\s*\d{1,2}\s*,?\s*E(?:p(?:isode)?)?\.?\s*\d{1,3}/i;

const visible = (e: Element) => {
  const box = (e as HTMLElement).getBoundingClientRect?.();
  return !!box && box.width > 0 && box.height > 0;
};

/** The first element of the lists with text, never inside captions, the next-up card or a toast. */
function firstWithText(root: ParentNode, selectors: readonly string[]): Element | undefined {
  for (const selector of selectors)
    for (const e of root.querySelectorAll(selector)) if (!e.closest(NOT_TITLE) && cleanText(e.textContent ?? '')) return e;
  return undefined;
}

export function activePlayer(doc: Document): Element | null {
  return queryFirst(doc, PLAYER_ROOT);
}

export function readTitle(doc: Document): DomTitle | undefined {
  const root = activePlayer(doc);
  if (!root) return undefined;
  const titleEl = firstWithText(root, TITLE);
  let lineEl = firstWithText(root, EPISODE_LINE);
  if (!lineEl && titleEl?.parentElement)
    lineEl = [...titleEl.parentElement.children].find((e) => e !== titleEl && SHORT_CODE.test(cleanText(e.textContent ?? '')));
  const showTitle = titleEl ? cleanText(titleEl.textContent ?? '') : undefined;
  // The old arm's line is two nodes ("Season 1, Ep. 3" + title): joined with a space.
  const lineText = lineEl ? cleanText([...lineEl.childNodes].map((n) => n.textContent ?? '').join(' ')) : '';
  if (!showTitle && !lineText) return undefined;
  return {
    text: `${showTitle ?? ''}|${lineText}`,
    parts: [showTitle ?? '', lineText],
  };
}

/** An ad plays (#15): the active player's ad timer is shown. */
export function adPlaying(doc: Document): boolean {
  for (const selector of AD_TIMER) for (const e of doc.querySelectorAll(selector)) if (visible(e)) return true;
  return false;
}
