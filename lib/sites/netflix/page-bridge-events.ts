/** The two event names of the page-world channel, apart from page-bridge.ts so the page script carries no schema code. */
export const REQUEST_EVENT = 'backstory:page-request';
export const STATE_EVENT = 'backstory:page-state';

/**
 * A request's detail: its nonce, then the ids of the video the page shows (`[data-videoid]`, then the URL's), which
 * the content script reads anyway, so that the page-world script need not carry the selectors to read them again.
 */
export const requestDetail = (nonce: string, shown: readonly (string | undefined)[]) => [nonce, ...shown].join(' ');
/** The longest request detail the page-world script answers: a nonce and two ids. */
export const MAX_REQUEST_CHARS = 80;
