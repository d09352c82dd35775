import { cleanup } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessageFrom, localeMessages } from './support/locale-messages';

// The fake browser sends every message with an empty sender; a real one names the page that sent it. Unit tests
// send as the extension's options page; protocol.test.ts triggers listeners with other senders itself.
const { onMessage } = fakeBrowser.runtime;
fakeBrowser.runtime.sendMessage = (async (message: unknown) => {
  if (!onMessage.hasListeners()) throw new Error('No listeners available');
  const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
  let respond: (value: unknown) => void = () => {};
  const response = new Promise((resolve) => {
    respond = resolve;
  });
  const results: unknown[] = await onMessage.trigger(message, sender as never, respond as never);
  return results.some((r) => r === true) ? response : undefined;
}) as typeof fakeBrowser.runtime.sendMessage;

// Components speak English in unit tests: the real messages, through a getMessage that behaves like Chromium's.
const english = getMessageFrom(await localeMessages('en'));

// Every test starts with an empty IndexedDB and an empty fake browser.
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = english as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
});
afterEach(() => cleanup());
