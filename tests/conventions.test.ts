// Meta-tests that guard the project's conventions, in the spirit of refined-github's.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SELECTOR_TABLE } from '../lib/sites/netflix/selectors';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}
const SOURCES = ['lib', 'components', 'entrypoints', 'build'].flatMap(sourceFiles);
const readme = readFileSync('README.md', 'utf8');

describe('conventions', () => {
  it('keeps the watch session carved: no function in lib/watch over 120 lines', () => {
    // Top-level functions, as the formatter lays them out: from the line that opens one at column 0 to the first
    // line that closes a block there (the functions nested in them are smaller than they are).
    const opens = /^(export )?(default )?(async )?(function\b|const \w+ = (async )?(\(|function\b))/;
    for (const file of sourceFiles(join('lib', 'watch'))) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((text, start) => {
        if (!opens.test(text) || text.endsWith(';')) return;
        const end = lines.findIndex((l, i) => i > start && l.startsWith('}'));
        const length = end - start + 1;
        expect(
          length,
          `${file}:${start + 1} is a function of ${length} lines: carve a self-contained part into its own file (as identity-loop.ts, open-state.ts and attention.ts were), with its own unit test`,
        ).toBeLessThanOrEqual(120);
      });
    }
  });

  it('keeps lib below the UI: nothing in lib imports components/', () => {
    for (const file of sourceFiles('lib')) {
      const imports = [...readFileSync(file, 'utf8').matchAll(/^(?:import|export) [^;]*? from '([^']+)';/gms)].map(
        (m) => m[1] ?? '',
      );
      for (const source of imports)
        expect(
          /(^|\/)components\//.test(source),
          `${file} imports ${source}: lib must not depend on the UI. Send data (ids, plain types declared in lib) and let the page's entrypoint (entrypoints/*/) turn it into the component's view`,
        ).toBe(false);
    }
  });

  it('keeps storage behind the background: components, pages and the site folder never import it', () => {
    const outside = [
      'components',
      join('lib', 'sites'),
      join('lib', 'watch'),
      join('entrypoints', 'netflix.content'),
      join('entrypoints', 'panel'),
      join('entrypoints', 'popup'),
      join('entrypoints', 'options'),
    ].flatMap(sourceFiles);
    for (const file of outside) {
      const text = readFileSync(file, 'utf8');
      // Types are fine (they vanish in the build); a value import would run IndexedDB code in that context.
      const valueImports = [...text.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gms)].map((m) => m[1] ?? '');
      for (const source of valueImports)
        expect(
          /(^|\/)lib\/db(\/|$)|^(\.\.\/)+db\/|^idb$/.test(source),
          `${file} imports ${source}: ask the background service through lib/messaging instead (only the background owns IndexedDB)`,
        ).toBe(false);
    }
  });

  it('keeps sites in their folders: the generic layers, storage, the lookups and the build name no site in code', async () => {
    const { SITE_LIST } = await import('../lib/sites/registry');
    const generic = [
      'components',
      ...['watch', 'views', 'service', 'messaging', 'search', 'identity', 'lookup', 'db', 'pack'].map((d) => join('lib', d)),
      // The build tooling takes the sites' scripts from the registry (wxt.config.ts).
      'build',
    ];
    // Each site by its id and by its name.
    const names = new RegExp(SITE_LIST.flatMap((site) => [site.id, site.name]).join('|'), 'i');
    // Field and index names older data was stored under, before ids carried their site: read by the upgrades only.
    const legacy = /\bnetflixTitleId\b|'by-netflix-id'/g;
    // publisher.ts names news sites (What's on Netflix, …) for the source links, not a streaming site.
    for (const file of generic.flatMap(sourceFiles).filter((f) => !f.endsWith('publisher.ts'))) {
      // Code only: comments may say where an idea comes from.
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
        .replace(legacy, '');
      expect(
        names.exec(code)?.[0],
        `${file} names a site: move what is the site's into lib/sites/<site>/ behind the SiteAdapter contract (lib/sites/site.ts) or its lookup descriptor (lib/lookup/site-lookup.ts); storage takes a site's id and id shape from lib/ids/ids.ts (SiteId, SITE_VIDEO_IDS, FIRST_SITE for older data)`,
      ).toBeUndefined();
    }
  });

  it('gives every site a registry entry, a folder, and a content script that runs on the registry’s pages (registered at run time for an optional site)', async () => {
    const { SITE_LIST } = await import('../lib/sites/registry');
    for (const site of SITE_LIST) {
      expect(
        existsSync(join('lib', 'sites', site.id, 'index.ts')),
        `lib/sites/${site.id}/index.ts: export the site's adapter`,
      ).toBe(true);
      const entry = join('entrypoints', `${site.id}.content`, 'index.ts');
      expect(existsSync(entry), `${entry}: add the site's three-line content script`).toBe(true);
      // Compared without spaces and trailing commas: the formatter wraps a long list over several lines.
      const text = readFileSync(entry, 'utf8').replace(/\s+/g, '').replaceAll(',]', ']');
      if (site.access === 'optional') {
        // Registered at run time with the registry's pages (lib/sites/site-access.ts): `matches` in the entry
        // would make WXT put them among the required host permissions.
        expect(text, `${entry}: registration: 'runtime', and no matches`).toContain("registration:'runtime'");
        expect(text, `${entry}: no matches (the background registers the registry's)`).not.toContain('matches:');
        continue;
      }
      expect(text, `${entry}: matches must be the registry's (${site.matches.join(', ')})`).toContain(
        `matches:${JSON.stringify(site.matches).replaceAll('"', "'")}`,
      );
    }
  });

  it('keeps storage below the views: lib/db never imports lib/views', () => {
    for (const file of sourceFiles(join('lib', 'db'))) {
      const text = readFileSync(file, 'utf8');
      expect(
        /from '\.\.\/views\//.test(text),
        `${file} imports a view: storage must not know what the panel shows (move the shared part into lib/db or lib/pack)`,
      ).toBe(false);
    }
  });

  it('keeps storage below the sites: lib/db and lib/pack import nothing from lib/sites', () => {
    for (const file of [join('lib', 'db'), join('lib', 'pack')].flatMap(sourceFiles)) {
      const text = readFileSync(file, 'utf8');
      expect(
        /from '(\.\.\/)+sites\//.test(text),
        `${file} imports the site folder: storage only needs a site's id and the shape of its ids, which are in lib/ids/ids.ts (SiteId, SITE_VIDEO_IDS); take them from there`,
      ).toBe(false);
    }
  });

  it('gives every site’s selectors their expected match counts on every named page of its imitation', async () => {
    const { SITE_LIST } = await import('../lib/sites/registry');
    for (const site of SITE_LIST) {
      const where = `tests/fixtures/${site.id}/selector-counts.ts`;
      // Each site's folder exports its selector lists by name and what the panel keeps clear of (lib/sites/<site>/selectors.ts);
      // its imitation names pages with the counts it expects of each (SELECTOR_PAGES).
      const selectors: {
        SELECTOR_TABLE: Record<string, readonly string[]>;
        KEEP_CLEAR: readonly (readonly string[])[];
      } = await import(`../lib/sites/${site.id}/selectors.ts`);
      const fixture: {
        SELECTOR_PAGES: { name: string; counts: Record<string, number[]>; keepClear: Record<string, number[]> }[];
      } = await import(`./fixtures/${site.id}/selector-counts.ts`);
      expect(fixture.SELECTOR_PAGES.length, `${where}: name at least one page of the imitation`).toBeGreaterThan(0);
      for (const page of fixture.SELECTOR_PAGES) {
        for (const [name, list] of Object.entries(selectors.SELECTOR_TABLE))
          expect(page.counts[name]?.length, `${name} needs one expected count per choice on "${page.name}" in ${where}`).toBe(
            list.length,
          );
        for (const list of selectors.KEEP_CLEAR)
          expect(
            page.keepClear[list[0] ?? '']?.length,
            `${list[0]} (KEEP_CLEAR) needs one expected count per choice on "${page.name}" in ${where}`,
          ).toBe(list.length);
      }
    }
  });

  it('never builds HTML from strings or evaluates code', () => {
    for (const file of SOURCES) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(
        /\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|\beval\(|new Function\(/,
      );
    }
  });

  it('keeps every Netflix selector in lib/sites/netflix/selectors.ts, without hashed class names', () => {
    for (const file of SOURCES.filter((f) => !f.endsWith('selectors.ts'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/\[data-uia=|\.watch-video|ltr-[a-z0-9]{5,}/);
    }
    for (const list of Object.values(SELECTOR_TABLE)) {
      expect(list.length).toBeGreaterThan(0);
      for (const selector of list) expect(selector).not.toMatch(/ltr-/);
    }
  });

  it('builds cache keys and checks ids only through lib/ids', () => {
    for (const file of SOURCES.filter((f) => !f.includes(join('lib', 'ids')))) {
      const text = readFileSync(file, 'utf8');
      expect(text, `${file}: build keys with episodeKey()/entityKey() from lib/ids/ids.ts`).not.toMatch(/`\$\{[\w.]+\}\/\$\{/);
      expect(text, `${file}: use SHOW_ID, EPISODE_ID or VIDEO_ID from lib/ids/ids.ts`).not.toMatch(
        /s\\d\{1,2\}e\\d|\[a-z0-9\]\[a-z0-9-\]|\\d\{1,15\}\$/,
      );
    }
  });

  it('has a test beside every component', () => {
    const folders = readdirSync('components').filter((d) => statSync(join('components', d)).isDirectory());
    for (const folder of folders) {
      const files = readdirSync(join('components', folder));
      const components = files.filter((f) => /^[A-Z]\w+\.tsx$/.test(f));
      const tested = files
        .filter((f) => f.endsWith('.test.tsx'))
        .map((f) => readFileSync(join('components', folder, f), 'utf8'))
        .join('\n');
      for (const component of components) {
        const name = component.replace('.tsx', '');
        expect(tested, `${folder}/${component} is not exercised by a test in components/${folder}`).toMatch(
          new RegExp(`\\b${name}\\b|from '\\./${name}'`),
        );
      }
    }
  });

  it('documents every entry point and lib domain in the README', () => {
    for (const entry of readdirSync('entrypoints')) expect(readme, entry).toContain(entry.replace(/\.(ts|tsx)$/, ''));
    for (const domain of readdirSync('lib')) expect(readme, domain).toContain(`${domain}/`);
  });

  // On a clean clone (CI) this fails for any picture or file the README links to that git does not track.
  it('links only to files that exist', () => {
    const links = [...readme.matchAll(/\]\(([^)#\s]+)\)/g)].map((m) => m[1] ?? '').filter((l) => !/^[a-z]+:/.test(l));
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect(existsSync(link), link).toBe(true);
  });
});
