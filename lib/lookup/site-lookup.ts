/**
 * What a streaming site adds to the lookups of its titles without a pack (issue 17): how Wikidata and TVmaze know
 * that site's titles. Each site states its own in its folder (lib/sites/<site>/lookup.ts) and the registry hands
 * it to the background; everything else in lib/lookup is the same for every site.
 */
export interface SiteLookup {
  /** Wikidata's property holding the site's title ids (for one site, "P1874", its ID), when Wikidata has one. */
  wikidataProperty?: `P${number}`;
  /** TVmaze's name of the web channel the site streams its own shows on: a small bonus, never proof. */
  webChannel?: string;
  /** True when a show's official site is the site's own page for this title: a near-certain match. */
  isTitlePage?(url: string, titleId: string): boolean;
}

/** A title without a pack, as a site's signals name it. */
export interface SiteTitle {
  /** The site's id: cache keys carry it, so the same title id on two sites is two titles. */
  site: string;
  lookup: SiteLookup;
  /** The site's id of the show. */
  titleId: string;
  /** Its title, in English where the site gives one. */
  title: string;
  /** The earliest year the site gives for it, if any. */
  year?: number;
}

/**
 * The key of a title a site names only by its title, no id (Prime Video's catalog gives the series title, not its
 * id): the title itself, folded. It keys the cache and the viewer's picks like an id, but is never sent anywhere as
 * the site's id (no Wikidata property query, no official-site check): the lookup goes by the title alone.
 */
const BY_TITLE = 'title:';
export const MAX_TITLE_KEY = 200;
export function titleKey(title: string): string | undefined {
  const folded = title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_KEY);
  return folded ? `${BY_TITLE}${folded}` : undefined;
}
export const isTitleKey = (titleId: string) => titleId.startsWith(BY_TITLE);

/** What a site's descriptor says that still holds for a title known by its title only: the web channel bonus. */
export const byTitleOnly = (lookup: SiteLookup): SiteLookup => (lookup.webChannel ? { webChannel: lookup.webChannel } : {});
