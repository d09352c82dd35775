/**
 * What a show is based on, from Wikidata's query service (any-show-providers.md §2.2): one SPARQL query keyed by
 * the site's id property (lib/sites/<site>/lookup.ts: Netflix ID is P1874) returns the item, its TVmaze (P8600)
 * and IMDb (P345) ids, and each source work (P144) with its type, author and dates. Rows multiply (every type × author × date), so they are grouped by work
 * here; unbound OPTIONAL variables are simply absent. Dates keep only their year.
 */
import * as v from 'valibot';
import { SITE_VIDEO_ID } from '../ids/ids';
import { cleanPackText } from '../pack/schema';

// Labels held to the packs' rules: no bidi overrides or piles of combining marks (security review 2, N17).
const Term = v.object({
  type: v.picklist(['uri', 'literal', 'bnode']),
  value: v.pipe(v.string(), v.maxLength(2000), v.transform(cleanPackText)),
});
const Results = v.object({
  head: v.object({ vars: v.array(v.string()) }),
  results: v.object({ bindings: v.pipe(v.array(v.record(v.string(), Term)), v.maxLength(500)) }),
});

/** SPARQL 1.1 JSON results as rows of plain values; undefined when the response has another shape. */
export function readBindings(json: unknown): Record<string, string>[] | undefined {
  const parsed = v.safeParse(Results, json);
  if (!parsed.success) return undefined;
  return parsed.output.results.bindings.map((row) => Object.fromEntries(Object.entries(row).map(([k, t]) => [k, t.value])));
}

/** Wikidata's "TVmaze series ID" property. */
export const TVMAZE_PROPERTY = 'P8600';

/**
 * The query for a show by its id on a site (that site's property), or by its TVmaze id (P8600) once TVmaze
 * matched a show Wikidata could not find by the site's id. The property and the id are checked before they are
 * put in the query: letters, digits, dots, dashes and underscores only, never a quote.
 */
export function basedOnQuery(property: string, id: string): string {
  if (!/^P\d{1,9}$/.test(property)) throw new Error('a Wikidata property is P and digits');
  if (!SITE_VIDEO_ID.test(id)) throw new Error('an id is letters, digits, dots, dashes and underscores');
  return `SELECT ?series ?tvmaze ?imdb ?src ?srcLabel ?srcTypeLabel ?authorLabel ?pub ?start ?end WHERE {
  ?series wdt:${property} "${id}" .
  OPTIONAL { ?series wdt:P8600 ?tvmaze . }
  OPTIONAL { ?series wdt:P345 ?imdb . }
  OPTIONAL {
    ?series wdt:P144 ?src .
    OPTIONAL { ?src wdt:P31 ?srcType . }
    OPTIONAL { ?src wdt:P50|wdt:P170 ?author . }
    OPTIONAL { ?src wdt:P577 ?pub . }
    OPTIONAL { ?src wdt:P580 ?start . }
    OPTIONAL { ?src wdt:P582 ?end . }
  }
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en,mul". }
} LIMIT 50`;
}

export interface SourceWork {
  /** The work's Wikidata item (Q…), and its page for the link. */
  qid: string;
  url: string;
  title: string;
  /** Its type as Wikidata labels it ("comic book series", "novel"). */
  types: string[];
  authors: string[];
  /** Years: of publication, or of its start and end. */
  from?: number;
  to?: number;
}
export interface BasedOn {
  /** The show's own item, and its ids on TVmaze and IMDb where Wikidata has them. */
  item?: string;
  tvmazeId?: number;
  imdbId?: string;
  works: SourceWork[];
}

const qidOf = (uri: string | undefined) => /\/entity\/(Q\d{1,12})$/.exec(uri ?? '')?.[1];
const yearOf = (date: string | undefined) => {
  const year = Number(/^(-?\d{1,4})-/.exec(date ?? '')?.[1]);
  return Number.isInteger(year) && year !== 0 ? year : undefined;
};

export function parseBasedOn(json: unknown): BasedOn | undefined {
  const rows = readBindings(json);
  if (!rows) return undefined;
  const first = rows[0];
  const tvmaze = Number(first?.tvmaze);
  const works = new Map<string, SourceWork>();
  for (const row of rows) {
    const qid = qidOf(row.src);
    if (!qid) continue;
    const work = works.get(qid) ?? {
      qid,
      url: `https://www.wikidata.org/wiki/${qid}`,
      title: row.srcLabel ?? qid,
      types: [],
      authors: [],
    };
    if (row.srcTypeLabel && !work.types.includes(row.srcTypeLabel)) work.types.push(row.srcTypeLabel);
    if (row.authorLabel && !work.authors.includes(row.authorLabel)) work.authors.push(row.authorLabel);
    const from = yearOf(row.start) ?? yearOf(row.pub);
    const to = yearOf(row.end);
    if (from !== undefined && (work.from === undefined || from < work.from)) work.from = from;
    if (to !== undefined && (work.to === undefined || to > work.to)) work.to = to;
    works.set(qid, work);
  }
  return {
    ...(qidOf(first?.series) ? { item: qidOf(first?.series) } : {}),
    ...(Number.isInteger(tvmaze) && tvmaze > 0 ? { tvmazeId: tvmaze } : {}),
    ...(first?.imdb && /^tt\d+$/.test(first.imdb) ? { imdbId: first.imdb } : {}),
    works: [...works.values()],
  };
}
