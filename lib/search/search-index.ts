/**
 * The popup's search, on MiniSearch: prefix matching as you type, typo tolerance, and a title match ranked above
 * a match on the other side of a role ("olivia colman" finds the actor first, then Sarah Nelson).
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { DocKind, SearchDoc } from '../views/catalog';

export const KIND_ORDER: DocKind[] = ['show', 'character', 'actor', 'episode', 'volume', 'book'];

export interface SearchHit extends SearchDoc {
  score: number;
}
/** Results of one kind; the popup names the group ("held-back": what the viewer asked to see past the guard). */
export interface SearchGroup {
  kind: DocKind | 'held-back';
  hits: SearchHit[];
}

/** What a search found: groups to show, and the matches the spoiler guard holds back (shown only on request). */
export interface SearchResult {
  groups: SearchGroup[];
  hidden: SearchHit[];
}

export interface SearchIndex {
  search(query: string, limitPerKind?: number): SearchResult;
  suggest(query: string): string[];
  size: number;
}

/** The longest query searched (longer input is cut), and the longest term matched with typos. */
export const MAX_QUERY = 100;
export const MAX_FUZZY_TERM = 20;
const bounded = (query: string) => query.trim().slice(0, MAX_QUERY);

const OPTIONS: Options<SearchDoc> = {
  fields: ['title', 'keywords', 'subtitle'],
  storeFields: [],
  searchOptions: {
    boost: { title: 3, keywords: 1.5, subtitle: 0.5 },
    prefix: true,
    // Allow about one typo in five letters, never on very short words, nor on long ones: fuzzy matching costs
    // memory in proportion to the square of a term's length (a pasted 70 KB "word" took gigabytes, review B6).
    fuzzy: (term) => (term.length > 3 && term.length <= MAX_FUZZY_TERM ? 0.2 : false),
    combineWith: 'AND',
  },
};

/** MiniSearch's index in a form that survives structured cloning (IndexedDB, extension messages). */
export type PrebuiltIndex = AsPlainObject;

function indexed(docs: SearchDoc[]): MiniSearch<SearchDoc> {
  const index = new MiniSearch<SearchDoc>(OPTIONS);
  index.addAll(docs);
  return index;
}

/** Indexes the documents once, so that other contexts can load the result instead of indexing again. */
export function prebuildIndex(docs: SearchDoc[]): PrebuiltIndex {
  return indexed(docs).toJSON();
}

/** A search over the documents: loads their prebuilt index when given one, else indexes them here. */
export function createSearchIndex(docs: SearchDoc[], prebuilt?: PrebuiltIndex): SearchIndex {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const position = new Map(docs.map((d, i) => [d.id, i]));
  const index = prebuilt ? MiniSearch.loadJS(prebuilt, OPTIONS) : indexed(docs);

  return {
    size: docs.length,
    search(query, limitPerKind = 6) {
      const q = bounded(query);
      if (!q) return { groups: [], hidden: [] };
      let results = index.search(q);
      // If every word must match and nothing does, accept documents matching any word.
      if (results.length === 0) results = index.search(q, { combineWith: 'OR' });
      // Equal scores keep the curator's order, whether the index was built here or loaded.
      results.sort((a, b) => b.score - a.score || (position.get(String(a.id)) ?? 0) - (position.get(String(b.id)) ?? 0));
      const groups = new Map<DocKind, SearchHit[]>();
      const hidden: SearchHit[] = [];
      for (const r of results) {
        const doc = byId.get(String(r.id));
        if (!doc) continue;
        if (doc.hidden) {
          if (hidden.length < limitPerKind) hidden.push({ ...doc, score: r.score });
          continue;
        }
        const list = groups.get(doc.kind) ?? [];
        if (list.length < limitPerKind) list.push({ ...doc, score: r.score });
        groups.set(doc.kind, list);
      }
      return {
        groups: KIND_ORDER.filter((k) => groups.has(k)).map((kind) => ({ kind, hits: groups.get(kind) ?? [] })),
        hidden,
      };
    },
    suggest(query) {
      return index
        .autoSuggest(bounded(query), { fuzzy: (term) => (term.length <= MAX_FUZZY_TERM ? 0.3 : false), prefix: true })
        .slice(0, 3)
        .map((s) => s.suggestion);
    },
  };
}
