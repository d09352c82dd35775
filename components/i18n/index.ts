/**
 * Every word a viewer reads comes from here: the messages in ./locales (one YAML file per language, turned into
 * the browser's `_locales` by @wxt-dev/i18n at build time, with typed keys), and numbers, dates and lists
 * formatted for the browser's language. The background and the content script return data, never sentences.
 */

import { i18n } from '#i18n';

/** `t('panel.cast.heading')`, `t('popup.results', count)`, `t('panel.where.heading', { show })`. */
export const t = i18n.t;

/**
 * The language the messages are in ("de", "pt-BR"), so that numbers, dates and lists match the words. Each
 * messages file names its own language: Chromium's getUILanguage() and `@@ui_locale` can name another (measured:
 * "en-US" for both while it showed the German messages under `--lang=de`).
 */
export function uiLocale(): string {
  try {
    return t('locale') || 'en';
  } catch {
    return 'en';
  }
}

export const formatNumber = (n: number): string => new Intl.NumberFormat(uiLocale()).format(n);

/** "2, 3 and 4" in the viewer's language. */
export const formatList = (items: (string | number)[]): string =>
  new Intl.ListFormat(uiLocale(), { type: 'conjunction' }).format(items.map(String));

/** An ISO date ("2022-04-22", "2016", "2019-02") at the precision it has, in the viewer's language. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || Number.isNaN(year)) return iso;
  const date = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (month) options.month = 'long';
  if (day) options.day = 'numeric';
  return new Intl.DateTimeFormat(uiLocale(), options).format(date);
}

/** A moment (a timestamp) as date and time in the viewer's language. */
export const formatDateTime = (at: number): string =>
  new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));

/** Put in a named value's place to wrap it in markup: `around(t('key', { title: MARK }))` → [before, after]. */
export const MARK = '\u0001';
export function around(message: string): [string, string] {
  const [before = '', after = ''] = message.split(MARK);
  return [before, after];
}
