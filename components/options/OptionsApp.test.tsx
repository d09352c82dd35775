import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../../lib/settings/settings';
import { DataSection } from './DataSection';
import { OptionsApp } from './OptionsApp';
import { PrivacySection } from './PrivacySection';
import { RadioGroup } from './RadioGroup';
import { SettingsSection } from './SettingsSection';
import type { OptionsData } from './types';

function fakeData(overrides: Partial<OptionsData> = {}): OptionsData {
  let settings: Settings = DEFAULT_SETTINGS;
  return {
    loadSettings: async () => settings,
    saveSettings: vi.fn(async (patch) => {
      settings = normalizeSettings({ ...settings, ...patch });
      return settings;
    }),
    listShows: async () => [{ id: 'heartstopper', title: 'Heartstopper', volumes: 6 }],
    progress: async () => ({ readVolume: 1, watchedUpTo: 's1e2' }),
    listEpisodes: async () => [
      { id: 's1e1', code: 'S1 · E1', title: 'Meet' },
      { id: 's1e2', code: 'S1 · E2', title: 'Crush' },
    ],
    place: vi.fn(async () => undefined),
    setReadVolume: vi.fn(async () => undefined),
    stats: async () => ({
      packs: [
        { id: 'heartstopper', title: 'Heartstopper', version: '1.0.0', origin: 'bundled', seededAt: 0, counts: { episodes: 24 } },
      ],
      learned: 3,
      corrections: 1,
      progress: [{ showId: 'heartstopper', showTitle: 'Heartstopper', furthest: 'S1 · E4 Secret', readVolume: 1 }],
      seedProblems: [],
      health: [],
    }),
    storageEstimate: async () => ({ usage: 500_000, quota: 10_000_000 }),
    shortcut: async () => 'Alt+Shift+K',
    openShortcutSettings: vi.fn(async () => undefined),
    reseed: vi.fn(async () => undefined),
    clearLearned: vi.fn(async () => undefined),
    resetProgress: vi.fn(async () => undefined),
    exportUserData: async () => ({
      format: 'backstory-user-data',
      version: 1,
      exportedAt: 0,
      learned: [],
      corrections: [],
      progress: [],
    }),
    importUserData: vi.fn(async () => ({ ok: true as const, counts: { learned: 0, corrections: 0, progress: 0 } })),
    importPack: vi.fn(async () => ({ ok: false as const, issues: [{ path: 'episodes.0.season', message: 'Invalid type' }] })),
    ...overrides,
  };
}

describe('OptionsApp', () => {
  it('renders settings, data and privacy sections with headings', async () => {
    render(<OptionsApp data={fakeData()} />);
    for (const name of ['Where you are', 'Spoilers', 'Panel', 'Keyboard shortcut', 'Advanced', 'Privacy'])
      expect(await screen.findByRole('heading', { name })).toBeTruthy();
  });
});

describe('SettingsSection', () => {
  it('saves each change at once and shows the shortcut', async () => {
    const data = fakeData();
    const onChange = vi.fn();
    render(<SettingsSection data={data} settings={DEFAULT_SETTINGS} onChange={onChange} />);
    fireEvent.click(screen.getByLabelText('Only the episode that is playing'));
    await waitFor(() => expect(data.saveSettings).toHaveBeenCalledWith({ guard: 'current' }));
    fireEvent.change(await screen.findByLabelText('Heartstopper: comics read'), { target: { value: '3' } });
    await waitFor(() => expect(data.setReadVolume).toHaveBeenCalledWith('heartstopper', 3));
    const watched = screen.getByLabelText('Heartstopper: watched up to') as HTMLSelectElement;
    expect(watched.value).toBe('s1e2');
    fireEvent.change(watched, { target: { value: 's1e1' } });
    await waitFor(() => expect(data.place).toHaveBeenCalledWith('heartstopper', 's1e1'));
    fireEvent.click(screen.getByLabelText('Next to the picture: the video gets narrower, nothing is covered'));
    await waitFor(() => expect(data.saveSettings).toHaveBeenCalledWith({ panelMode: 'side' }));
    fireEvent.click(screen.getByLabelText('Large'));
    await waitFor(() => expect(data.saveSettings).toHaveBeenCalledWith({ panelSize: 'large' }));
    expect(await screen.findByText('Alt+Shift+K')).toBeTruthy();
  });

  it('says so when the browser refuses to save a change, and keeps showing the saved value (review B5)', async () => {
    const data = fakeData({
      saveSettings: vi.fn(async () => {
        throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE');
      }),
    });
    const onChange = vi.fn();
    render(<SettingsSection data={data} settings={DEFAULT_SETTINGS} onChange={onChange} />);
    fireEvent.click(screen.getByLabelText('Only the episode that is playing'));
    expect((await screen.findByRole('alert')).textContent).toContain('could not be saved');
    expect(onChange).toHaveBeenLastCalledWith(DEFAULT_SETTINGS);
  });
});

describe('DataSection', () => {
  it('shows what the cache holds', async () => {
    render(<DataSection data={fakeData()} />);
    expect(await screen.findByText('488 kB')).toBeTruthy();
    expect(screen.getByTestId('learned').textContent).toBe('3');
    expect(screen.getByTestId('furthest-heartstopper').textContent).toBe('S1 · E4 Secret');
  });

  it('lists every problem of a refused pack with its path', async () => {
    const data = fakeData();
    render(<DataSection data={data} />);
    const input = (await screen.findByText('Add a show from a file…')).querySelector('input') as HTMLInputElement;
    const file = new File(['{"id":"x"}'], 'x.pack.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Nothing was changed.');
    expect(alert.textContent).toContain('episodes.0.season');
  });
});

describe('RadioGroup', () => {
  it('is a labelled group whose choice is reported', () => {
    const onChange = vi.fn();
    render(
      <RadioGroup
        legend="Side"
        name="side"
        value="right"
        choices={[
          ['right', 'Right'],
          ['left', 'Left'],
        ]}
        onChange={onChange}
      />,
    );
    expect(screen.getByRole('group', { name: 'Side' })).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Left'));
    expect(onChange).toHaveBeenCalledWith('left');
  });
});

describe('PrivacySection', () => {
  it('says that nothing else is sent anywhere, and that lookups are off until turned on', () => {
    render(<PrivacySection />);
    expect(screen.getByText('Nothing else is sent anywhere.')).toBeTruthy();
    const lookups = screen.getByText(/Lookups for titles without a pack are off until you turn them on/);
    expect(lookups.textContent).toContain('the streaming site’s number for it go to Wikidata (query.wikidata.org) and TVmaze');
  });
});
