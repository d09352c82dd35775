/**
 * The messages of one locale as the browser gets them (`_locales/<lang>/messages.json`, built by @wxt-dev/i18n
 * from components/i18n/locales), and `browser.i18n.getMessage` over them (the same reader the pages fall back on,
 * components/i18n/bundle.ts), so that unit tests render real words.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { type ChromeMessages, getMessageFrom } from '../../components/i18n/bundle';

export const LOCALES_DIR = join(import.meta.dirname, '../../components/i18n/locales');

/** Every locale shipped, by file name ("en", "pt_BR"). */
export const LOCALES = readdirSync(LOCALES_DIR)
  .filter((f) => f.endsWith('.yml'))
  .map((f) => f.replace(/\.yml$/, ''));

export type { ChromeMessages };
export { getMessageFrom };

export async function localeMessages(locale: string): Promise<ChromeMessages> {
  return generateChromeMessages(await parseMessagesFile(join(LOCALES_DIR, `${locale}.yml`))) as ChromeMessages;
}
