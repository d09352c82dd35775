/**
 * The browser's own message lookup, repaired when it comes back empty. Measured on CI (Chromium 156, headless, a
 * loaded machine): now and then every `i18n.getMessage` in the extension's process returns "" for the life of the
 * browser, so the panel, the popup and the options page showed buttons without words. The messages are still in
 * the package: read the file the browser would have used, and answer from it the way the browser does.
 */
import { browser } from 'wxt/browser';

export type ChromeMessages = Record<string, { message: string }>;

/** What Chromium does: "" for an unknown key, `$1`…`$9` replaced, `$$` a dollar sign. */
export function getMessageFrom(messages: ChromeMessages) {
  return (key: string, substitutions?: string | string[]): string => {
    const entry = messages[key];
    if (!entry) return '';
    const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    return entry.message.replace(/\$(\$|[1-9])/g, (_, what: string) => (what === '$' ? '$' : (subs[Number(what) - 1] ?? '')));
  };
}

/** The shipped locales (components/i18n/locales), as the browser names their folders. */
export const SHIPPED = ['en', 'de', 'es', 'fr', 'pt_BR'];
const DEFAULT_LOCALE = 'en';

/** The folder the browser would pick for these languages ("pt-BR" → pt_BR, "de-AT" → de), else the default. */
export function localeFolder(languages: readonly string[]): string {
  for (const language of languages) {
    const [lang = '', region] = language.split(/[-_]/);
    const exact = region ? `${lang.toLowerCase()}_${region.toUpperCase()}` : lang.toLowerCase();
    const found = SHIPPED.find((l) => l === exact) ?? SHIPPED.find((l) => l === lang.toLowerCase());
    if (found) return found;
  }
  return DEFAULT_LOCALE;
}

/**
 * Before an extension page draws: if the browser cannot find a message every locale has ("locale"), answer
 * lookups from the packaged file instead. Resolves false when nothing needed repairing or nothing could be read.
 */
export async function repairMessagesIfEmpty(): Promise<boolean> {
  const lookup = browser.i18n.getMessage as (key: string) => string;
  if (lookup('locale')) return false;
  const folder = localeFolder([...navigator.languages, browser.i18n.getUILanguage()]);
  try {
    const response = await fetch(browser.runtime.getURL(`/_locales/${folder}/messages.json` as '/popup.html'));
    const messages = (await response.json()) as ChromeMessages;
    if (typeof messages.locale?.message !== 'string') return false;
    browser.i18n.getMessage = getMessageFrom(messages) as typeof browser.i18n.getMessage;
    console.warn(`[i18n] The browser returned no messages; using _locales/${folder} from the package.`);
    return true;
  } catch {
    return false;
  }
}
