/**
 * How Wikidata and TVmaze know Netflix's titles, for the lookups of titles without a pack (lib/lookup,
 * any-show-providers.md §2.2 and §4): Wikidata's "Netflix ID" property, TVmaze's web channel for Netflix's own
 * shows, and a show's official site at netflix.com/title/<id>.
 */
import { VIDEO_ID } from '../../ids/ids';
import type { SiteLookup } from '../../lookup/site-lookup';

export const netflixLookup: SiteLookup = {
  wikidataProperty: 'P1874',
  webChannel: 'Netflix',
  // The id is digits (checked again here: it goes into a pattern).
  isTitlePage: (url, titleId) =>
    VIDEO_ID.test(titleId) && new RegExp(`netflix\\.com/(?:[a-z-]+/)?title/${titleId}(?:\\D|$)`).test(url),
};
