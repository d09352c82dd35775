/**
 * The public providers Backstory may ask about a title it has no pack for (issue 17): optional host permissions,
 * requested only when the viewer turns lookups on, and removed when they turn them off. Holding them *is* the
 * consent: there is no separate setting that could disagree with what the browser allows (a viewer may also
 * revoke them from the browser's own extension settings).
 */
// Not www.wikidata.org: the research names its Action API as a fallback for when the query service is down, but
// Backstory does not call it (yet), and a host it does not use would not be a minimal permission.
export const LOOKUP_ORIGINS = ['https://api.tvmaze.com/*', 'https://query.wikidata.org/*'];
