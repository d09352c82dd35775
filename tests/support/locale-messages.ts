/**
 * The messages of one locale as the browser gets them (`_locales/<lang>/messages.json`, built by @wxt-dev/i18n
 * from components/i18n/locales), and `browser.i18n.getMessage` over them, so that unit tests render real words.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

export const LOCALES_DIR = join(import.meta.dirname, '../../components/i18n/locales');

/** Every locale shipped, by file name ("en", "pt_BR"). */
export const LOCALES = readdirSync(LOCALES_DIR)
  .filter((f) => f.endsWith('.yml'))
  .map((f) => f.replace(/\.yml$/, ''));

export type ChromeMessages = Record<string, { message: string }>;

export async function localeMessages(locale: string): Promise<ChromeMessages> {
  return generateChromeMessages(await parseMessagesFile(join(LOCALES_DIR, `${locale}.yml`))) as ChromeMessages;
}

/** What Chromium does: "" for an unknown key, `$1`…`$9` replaced, `$$` a dollar sign. */
export function getMessageFrom(messages: ChromeMessages) {
  return (key: string, substitutions?: string | string[]): string => {
    const entry = messages[key];
    if (!entry) return '';
    const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    return entry.message.replace(/\$(\$|[1-9])/g, (_, what: string) => (what === '$' ? '$' : (subs[Number(what) - 1] ?? '')));
  };
}
