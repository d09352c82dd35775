import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LOCALES, localeMessages } from '../../tests/support/locale-messages';
import { localeFolder, repairMessagesIfEmpty, SHIPPED } from './bundle';
import { t } from './index';

afterEach(() => vi.unstubAllGlobals());

describe('localeFolder', () => {
  it('names a folder for every shipped locale and nothing else', () => {
    expect([...SHIPPED].sort()).toEqual([...LOCALES].sort());
  });

  it.each([
    [['pt-BR'], 'pt_BR'],
    [['de-AT', 'en'], 'de'],
    [['fr_CA'], 'fr'],
    [['ja', 'es-419'], 'es'],
    [['ja'], 'en'],
    [[], 'en'],
  ])('%j → %s', (languages, folder) => {
    expect(localeFolder(languages)).toBe(folder);
  });
});

describe('repairMessagesIfEmpty', () => {
  it('leaves the browser alone when it has the messages', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    expect(await repairMessagesIfEmpty()).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('answers from the packaged file when the browser returns no messages, plurals and names included', async () => {
    fakeBrowser.i18n.getMessage = (() => '') as typeof fakeBrowser.i18n.getMessage;
    expect(t('shared.showOne')).toBe('');
    const messages = await localeMessages('en');
    const fetch = vi.fn(async (_url: string) => new Response(JSON.stringify(messages)));
    vi.stubGlobal('fetch', fetch);
    expect(await repairMessagesIfEmpty()).toBe(true);
    expect(String(fetch.mock.calls[0]?.[0])).toMatch(/\/_locales\/en\/messages\.json$/);
    expect(t('shared.showOne')).toBe('Show one');
    expect(t('shared.showOneLabel', { text: 'Dream' })).toBe('Show one spoiler: Dream');
    expect(t('panel.cast.more', 3)).toBe('3 more in this season');
  });

  it('keeps the empty answers, and says so by false, when the file cannot be read', async () => {
    fakeBrowser.i18n.getMessage = (() => '') as typeof fakeBrowser.i18n.getMessage;
    vi.stubGlobal('fetch', async () => new Response('not json'));
    expect(await repairMessagesIfEmpty()).toBe(false);
    expect(t('shared.showOne')).toBe('');
  });
});
