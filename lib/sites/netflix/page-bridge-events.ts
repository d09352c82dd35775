/** The two event names of the page-world channel, apart from page-bridge.ts so the page script carries no schema code. */
export const REQUEST_EVENT = 'backstory:page-request';
export const STATE_EVENT = 'backstory:page-state';
