// The background entry point, started under WXT's fake browser: it answers messages, relays the shortcut to the
// tab it was pressed in, and nothing else.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../entrypoints/background';
import { send } from '../lib/messaging/protocol';
import { PANEL_COMMAND } from '../lib/messaging/tab-messages';
import { fakeSiteAccess } from './support/fake-site-access';

type CommandListener = (command: string, tab?: { id?: number }) => Promise<void> | void;

// What the fake browser leaves to the test: the manifest and the browser's commands.
const start = () => {
  const commands: CommandListener[] = [];
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '1.0.0', manifest_version: 3, name: 'Backstory' });
  vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue([{ name: PANEL_COMMAND, shortcut: 'Alt+Shift+K' }] as never);
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((l) => void commands.push(l as CommandListener));
  fakeSiteAccess();
  background.main();
  return { press: async (command: string, tab: { id: number }) => Promise.all(commands.map((l) => l(command, tab))) };
};

describe('the background entry point', () => {
  it('seeds the bundled packs and answers the extension pages', async () => {
    start();
    await expect.poll(async () => (await send('listShows')).map((s) => s.id)).toContain('heartstopper');
    expect((await send('listEpisodes', { showId: 'heartstopper' })).length).toBe(24);
  });

  it('relays the toggle shortcut to the tab it was pressed in, and nothing else', async () => {
    const relay = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const { press } = start();
    await press(PANEL_COMMAND, { id: 7 });
    await press('something-else', { id: 7 });
    expect(relay).toHaveBeenCalledTimes(1);
    expect(relay).toHaveBeenCalledWith(7, { backstoryPanelAction: { action: 'toggle' } }, { frameId: 0 });
  });
});
