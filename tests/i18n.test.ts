// Meta-tests for the translations: every locale says everything English says, with the same placeholders, and
// nothing in components/i18n/locales is dead. Failing? The message names the file and key to fix.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type ParsedMessage, parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { LOCALES, LOCALES_DIR } from './support/locale-messages';

const SHIPPED = ['de', 'en', 'es', 'fr', 'pt_BR'];
const parse = async (locale: string) => {
  const list = (await parseMessagesFile(join(LOCALES_DIR, `${locale}.yml`))).filter((m) => !m.key[0]?.startsWith('@@'));
  return new Map(list.map((m) => [m.key.join('.'), m]));
};
const text = (m: ParsedMessage) => (m.type === 'plural' ? Object.values(m.plurals).join('|') : m.message);
const named = (m: ParsedMessage) => [...new Set(text(m).match(/\{\w+\}/g) ?? [])].sort();

function sourceText(dir: string): string {
  return readdirSync(dir)
    .map((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceText(path);
      return /\.(tsx?|html)$/.test(name) && !/\.test\.tsx?$/.test(name) ? readFileSync(path, 'utf8') : '';
    })
    .join('\n');
}

describe('translations', () => {
  it('ships English, German, French, Spanish and Brazilian Portuguese', () => {
    expect([...LOCALES].sort()).toEqual(SHIPPED);
  });

  it.each(SHIPPED.filter((l) => l !== 'en'))('%s has every English key, no other, with the same placeholders', async (locale) => {
    const [en, other] = await Promise.all([parse('en'), parse(locale)]);
    const missing = [...en.keys()].filter((k) => !other.has(k));
    const extra = [...other.keys()].filter((k) => !en.has(k));
    expect(missing, `add these keys to components/i18n/locales/${locale}.yml`).toEqual([]);
    expect(extra, `remove these keys from components/i18n/locales/${locale}.yml (English no longer has them)`).toEqual([]);
    for (const [key, message] of en) {
      const theirs = other.get(key) as ParsedMessage;
      expect(theirs.type, `${locale}.yml ${key}: plural in English, so plural here too (1: and n:)`).toBe(message.type);
      expect(named(theirs), `${locale}.yml ${key}: use exactly the {placeholders} English uses`).toEqual(named(message));
      if (message.type === 'plural' && theirs.type === 'plural') {
        const count = Object.values(message.plurals).some((p) => p.includes('$1'));
        if (count)
          expect(
            Object.entries(theirs.plurals).filter(([form, p]) => form === 'n' && !p.includes('$1')),
            `${locale}.yml ${key}: the "n" form must show the number ($1)`,
          ).toEqual([]);
      }
    }
  });

  it('names every message as browsers require ([A-Za-z0-9_] only: one hyphen and Chromium refuses the extension)', async () => {
    for (const locale of SHIPPED) {
      const bad = [...(await parse(locale)).keys()].filter((key) => !/^[A-Za-z0-9_.]+$/.test(key));
      expect(bad, `${locale}.yml: rename these keys (letters, digits, underscores)`).toEqual([]);
    }
  });

  it('names its own language in `locale` (numbers, dates and lists are formatted for it)', async () => {
    for (const locale of SHIPPED) {
      const message = (await parse(locale)).get('locale') as ParsedMessage;
      expect(text(message), `${locale}.yml: locale must be ${locale.replace('_', '-')}`).toBe(locale.replace('_', '-'));
    }
  });

  it('uses every English key somewhere (no dead words)', async () => {
    const source = ['components', 'entrypoints', 'lib'].map(sourceText).join('\n') + readFileSync('wxt.config.ts', 'utf8');
    const unused = [...(await parse('en')).keys()].filter(
      (key) => !source.includes(`'${key}'`) && !source.includes(`__MSG_${key.replaceAll('.', '_')}__`),
    );
    expect(unused, 'remove these keys from every file in components/i18n/locales, or use them').toEqual([]);
  });

  it('keeps the store name and description within the browsers’ limits', async () => {
    for (const locale of SHIPPED) {
      const messages = await parse(locale);
      const name = messages.get('extName') as ParsedMessage;
      const description = messages.get('extDescription') as ParsedMessage;
      expect(text(name).length, `${locale}.yml extName`).toBeLessThanOrEqual(45);
      expect(text(description).length, `${locale}.yml extDescription (the Chrome Web Store allows 132)`).toBeLessThanOrEqual(132);
    }
  });
});
