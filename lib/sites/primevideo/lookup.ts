/**
 * How Wikidata and TVmaze know Prime Video's titles, for the lookups of titles without a pack (lib/lookup).
 * No Wikidata property is used: the ids Prime Video's pages carry (GTIs, compact GTIs, ASINs, #17) differ per
 * storefront and per season, and no property holding them was confirmed in the evidence, so TVmaze's title search
 * finds the show by its title (and Wikidata answers through its TVmaze id). GUESS: TVmaze names the web channel of
 * Amazon's own shows "Prime Video"; it is only a bonus in the ranking, never proof.
 */
import type { SiteLookup } from '../../lookup/site-lookup';

export const primevideoLookup: SiteLookup = {
  webChannel: 'Prime Video',
};
