/** Size of everything injected into each site's pages: its content script and its page-world script. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SITE_LIST } from '../../../lib/sites/registry';
import { EXTENSION_DIR } from '../browser';
import type { BenchTable } from './table';

export async function injectedSize(table: BenchTable) {
  // A site's page gets only its own scripts (the registry: the content script WXT names after the site, and its
  // page-world reader), so each site is measured against the budget on its own.
  for (const site of SITE_LIST) {
    const files = [`content-scripts/${site.id}.js`, ...(site.pageScript ? [site.pageScript.slice(1)] : [])];
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const bytes = await readFile(join(EXTENSION_DIR, file));
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const host = new URL(site.matches[0]?.replace('*', '') ?? 'https://invalid/').hostname.replace(/^www\./, '');
    table.add({
      figure: `JavaScript injected into ${host} pages`,
      value: `${kb(gzip)} gzip (${kb(raw)} raw)`,
      spread: files.join(' + '),
      // Issue 26's budget since identification moved into the background (issue 14's, with the panel in its own
      // frame, was 10 KB; 25 KB with the panel in the page).
      budget: '≤ 9 KB gzip',
      within: gzip <= 9 * 1024,
      raw: { raw, gzip, files },
    });
  }
}
