// Backstory in each shipped language, in real Chromium started with `--lang`: the options page, the popup and the
// panel speak it (the strings checked come from components/i18n/locales, not from this file), numbers and dates
// follow it, and no page asks for a message that does not exist.
import type { ConsoleMessage, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type ChromeMessages, localeMessages } from '../support/locale-messages';
import { PANEL, panel, useExtension, watch } from './support';

const LOCALES = [
  { lang: 'de', file: 'de' },
  { lang: 'fr', file: 'fr' },
  { lang: 'es', file: 'es' },
  { lang: 'pt-BR', file: 'pt_BR' },
];

/** A simple message, with its {named} values filled in. */
const say = (messages: ChromeMessages, key: string, values: Record<string, string | number> = {}) =>
  (messages[key]?.message ?? `(missing ${key})`).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));

describe.each(LOCALES)('in $lang', ({ lang, file }) => {
  const env = useExtension({ locale: lang });
  const missing: string[] = [];
  const watchMissing = (page: Page) => {
    const onConsole = (m: ConsoleMessage) => {
      if (m.text().includes('[i18n]')) missing.push(`${page.url()}: ${m.text()}`);
    };
    page.on('console', onConsole);
    // The panel is a frame in Netflix's page: its console messages reach the page's listener in Playwright.
    return page;
  };

  it('words the options page in the browser’s language, with its numbers', async () => {
    const messages = await localeMessages(file);
    const page = watchMissing(await env.newPage());
    await page.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(say(messages, 'options_title'));
    expect(await page.title()).toBe(say(messages, 'options_title'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect(await page.locator('#privacy-heading').textContent()).toBe(say(messages, 'options_privacy_heading'));
    expect(await page.locator('#data-heading').textContent()).toBe(say(messages, 'options_data_heading'));
    await expect.poll(() => page.locator('caption').textContent()).toBe(say(messages, 'options_data_table'));
    // The pack's counts, with the plural form of this language ("24 Folgen", "24 épisodes").
    const episodes = (messages.options_data_counts_episodes?.message ?? '').split(' | ').at(-1)?.replace('$1', '24');
    expect(await page.locator('.stats td').nth(2).textContent()).toContain(episodes);
    expect(missing).toEqual([]);
    await page.close();
  });

  it('words the popup and its search results', async () => {
    const messages = await localeMessages(file);
    const page = watchMissing(await env.newPage());
    await page.goto(`chrome-extension://${env.browser.extensionId}/popup.html`);
    await expect.poll(() => page.locator('#bs-search').getAttribute('placeholder')).toBe(say(messages, 'popup_placeholder'));
    await page.locator('#bs-search').fill('charlie');
    await expect.poll(() => page.locator('.bs-group-label').first().textContent()).toBe(say(messages, 'popup_groups_character'));
    await page.locator('#bs-search').fill('volume 1');
    await page.locator('[role="option"]').first().waitFor();
    expect(await page.locator('.bs-group-label').allTextContents()).toContain(say(messages, 'popup_groups_volume'));
    expect(missing).toEqual([]);
    await page.close();
  });

  it('words the panel beside Netflix’s video', async () => {
    const messages = await localeMessages(file);
    const page = watchMissing(await env.newPage());
    await watch(page, 1, 1);
    const inPanel = panel(page);
    // A known episode opens the panel by itself.
    await inPanel.locator(PANEL).waitFor({ timeout: 10_000 });
    await expect.poll(() => inPanel.locator('#bs-cast-heading').textContent()).toBe(say(messages, 'panel_cast_inEpisode'));
    expect(await inPanel.locator('#bs-comic-heading').textContent()).toBe(say(messages, 'panel_comic_heading'));
    expect(await inPanel.locator(`${PANEL}`).getAttribute('aria-label')).toBe(say(messages, 'panel_label'));
    expect(await inPanel.locator('html').getAttribute('lang')).toBe(lang);
    expect(await inPanel.locator('.bs-spoilers summary').textContent()).toContain(say(messages, 'panel_spoilers_summary'));
    expect(missing).toEqual([]);
    await page.close();
  });
});
