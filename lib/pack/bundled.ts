/**
 * The curated packs shipped in data/. Adding a show means adding a `<show>.pack.json` file there: this glob picks
 * it up at build time, and the data test suite validates it.
 */
const files = import.meta.glob<unknown>('../../data/*.pack.json', { eager: true, import: 'default' });

export const bundledPacks: unknown[] = Object.values(files);
