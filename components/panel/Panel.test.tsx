import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { viewerHorizon } from '../../lib/pack/horizon';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { episodeContext, revealItem } from '../../lib/views/context';
import { seededDb } from '../../tests/support/seeded-db';
import { Panel } from './Panel';
import type { PanelActions, PanelView } from './types';

async function readyView(episodeId = 's1e1', ordinal = 1, placed = true): Promise<{ view: PanelView; actions: PanelActions }> {
  const db = await seededDb();
  const progress = { readVolume: 0, furthestOrdinal: 0, ...(placed ? { placedAt: 1 } : {}) };
  const context = await episodeContext(db, 'heartstopper', episodeId, viewerHorizon('current', ordinal, 0, 0), progress);
  if (!context) throw new Error('no context');
  const actions: PanelActions = {
    setOpen: vi.fn(),
    reveal: vi.fn(async (handle: string) => (await revealItem(db, 'heartstopper', 1, handle)) ?? null),
    listEpisodes: vi.fn(async () => [
      { id: 's1e1', code: 'S1 · E1', title: 'Meet' },
      { id: 's1e2', code: 'S1 · E2', title: 'Crush' },
    ]),
    correct: vi.fn(async () => undefined),
    setReadVolume: vi.fn(async () => undefined),
    place: vi.fn(async () => undefined),
    setGuard: vi.fn(async () => undefined),
    confirmWatched: vi.fn(async () => undefined),
    diagnostics: vi.fn(async () => 'Backstory 0.1.0 diagnostics'),
  };
  return { view: { status: 'ready', context, videoId: '90000101' }, actions };
}

describe('Panel', () => {
  it('shows a one-line episode header, then the comic card, then who is in the episode', async () => {
    const { view, actions } = await readyView();
    const { container } = render(<Panel view={view} open settings={DEFAULT_SETTINGS} shortcut="Alt+Shift+K" actions={actions} />);
    expect(screen.getByRole('complementary', { name: 'Backstory' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: /^Heartstopper S1 · E1 / })).toBeTruthy();
    const sections = [...container.querySelectorAll('h3')].map((h) => h.textContent);
    expect(sections.slice(0, 2)).toEqual(['From the comic', 'In this episode']);
    const cast = screen.getAllByRole('button', { expanded: false }).map((b) => b.textContent);
    expect(cast[0]).toContain('Charlie Spring');
    expect(screen.getByRole('button', { name: 'Hide the Backstory panel (Alt+Shift+K)' })).toBeTruthy();
  });

  it('asks "Where are you?" once for a show with no progress, and the answer sets where the viewer is', async () => {
    const { view, actions } = await readyView('s1e1', 1, false);
    render(<Panel view={view} open settings={DEFAULT_SETTINGS} shortcut="" actions={actions} />);
    const watched = (await screen.findByLabelText('Watched up to')) as HTMLSelectElement;
    await waitFor(() => expect(watched.options).toHaveLength(3));
    fireEvent.change(watched, { target: { value: 's1e2' } });
    fireEvent.change(screen.getByLabelText('Comics read', { selector: '#bs-where-read' }), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(actions.place).toHaveBeenCalledWith('heartstopper', 's1e2'));
    await waitFor(() => expect(actions.setReadVolume).toHaveBeenCalledWith('heartstopper', 2));
    await waitFor(() => expect(screen.queryByLabelText('Watched up to')).toBeNull());
  });

  it('does not ask once the viewer is placed, but lets them answer again from the spoiler settings', async () => {
    const { view, actions } = await readyView();
    render(<Panel view={view} open settings={DEFAULT_SETTINGS} shortcut="" actions={actions} />);
    expect(screen.queryByLabelText('Watched up to')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Where are you\?/ }));
    expect(await screen.findByLabelText('Watched up to')).toBeTruthy();
  });

  it('expands a cast member and reveals exactly one hidden note on request', async () => {
    const { view, actions } = await readyView();
    const { container } = render(<Panel view={view} open settings={DEFAULT_SETTINGS} shortcut="" actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: /^Also this season/ }));
    fireEvent.click(screen.getByRole('button', { name: /Darcy Olsson/ }));
    expect(container.textContent).not.toContain('non-binary');
    const showOne = screen.getByRole('button', { name: /Show one spoiler: \d+ notes about Darcy Olsson/ });
    fireEvent.click(showOne);
    await waitFor(() => expect(container.querySelectorAll('.bs-revealed')).toHaveLength(1));
    expect(actions.reveal).toHaveBeenCalledTimes(1);
  });

  it('marks show-only characters with a badge', async () => {
    const { view, actions } = await readyView();
    render(<Panel view={view} open settings={DEFAULT_SETTINGS} shortcut="" actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: /^Also this season/ }));
    const isaac = screen.getByRole('button', { name: /Isaac Henderson/ });
    expect(isaac.textContent).toContain('Show-only');
  });

  it('hides the comic sections when the setting is off', async () => {
    const { view, actions } = await readyView();
    render(<Panel view={view} open settings={{ ...DEFAULT_SETTINGS, showComic: false }} shortcut="" actions={actions} />);
    expect(screen.queryByRole('heading', { name: 'From the comic' })).toBeNull();
  });

  it('lets the viewer pick the right episode', async () => {
    const { view, actions } = await readyView();
    render(<Panel view={view} open settings={DEFAULT_SETTINGS} shortcut="" actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Not this episode?' }));
    const select = (await screen.findByLabelText('Which episode is playing?')) as HTMLSelectElement;
    await waitFor(() => expect(select.options).toHaveLength(2));
    fireEvent.change(select, { target: { value: 's1e2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this episode' }));
    await waitFor(() => expect(actions.correct).toHaveBeenCalledWith('heartstopper', 's1e2'));
  });

  it('closes the episode picker when another video plays, so an answer never lands on it (Prime audit 1, F1)', async () => {
    const { view, actions } = await readyView();
    const { rerender } = render(<Panel view={view} open settings={DEFAULT_SETTINGS} shortcut="" actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Not this episode?' }));
    await screen.findByLabelText('Which episode is playing?');
    // The same video, drawn again (a layout change): the picker stays.
    rerender(<Panel view={{ ...view }} open settings={DEFAULT_SETTINGS} shortcut="" actions={actions} />);
    expect(screen.queryByLabelText('Which episode is playing?')).not.toBeNull();
    // Autoplay, or the page, moved to another video: the question was about the one before.
    const next = view.status === 'ready' ? { ...view, videoId: '90000102' } : view;
    rerender(<Panel view={next} open settings={DEFAULT_SETTINGS} shortcut="" actions={actions} />);
    await waitFor(() => expect(screen.queryByLabelText('Which episode is playing?')).toBeNull());
    expect(actions.correct).not.toHaveBeenCalled();
  });

  it('sets both spoiler axes from the panel', async () => {
    const { view, actions } = await readyView();
    render(<Panel view={view} open settings={DEFAULT_SETTINGS} shortcut="" actions={actions} />);
    fireEvent.change(screen.getByLabelText('Show notes up to'), { target: { value: 'current' } });
    fireEvent.change(screen.getByLabelText('Comics read', { selector: '#bs-read' }), { target: { value: '2' } });
    expect(actions.setGuard).toHaveBeenCalledWith('current');
    expect(actions.setReadVolume).toHaveBeenCalledWith('heartstopper', 2);
  });

  it('asks before counting an episode far ahead, naming where the viewer is', async () => {
    const { view, actions } = await readyView();
    if (view.status !== 'ready') throw new Error('not ready');
    render(
      <Panel
        view={{ ...view, askWatched: { furthestEpisodeId: 's1e2' } }}
        open
        settings={DEFAULT_SETTINGS}
        shortcut=""
        actions={actions}
      />,
    );
    expect(await screen.findByText(/Backstory has you at S1 · E2 Crush\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Count it' }));
    expect(actions.confirmWatched).toHaveBeenCalledWith(true);
  });

  it('says so when only the page names the episode (trust audit 3, F2)', async () => {
    const { view, actions } = await readyView();
    const guessed = view.status === 'ready' ? { ...view, guess: true } : view;
    const { rerender } = render(<Panel view={guessed} open settings={DEFAULT_SETTINGS} shortcut="" actions={actions} />);
    expect(screen.getByText(/^A guess: only the page says this is the episode/)).toBeTruthy();
    rerender(<Panel view={view} open settings={DEFAULT_SETTINGS} shortcut="" actions={actions} />);
    expect(screen.queryByText(/^A guess/)).toBeNull();
  });

  it('collapses to a handle with an icon and a name', () => {
    const setOpen = vi.fn();
    render(
      <Panel
        view={{ status: 'detecting' }}
        open={false}
        settings={DEFAULT_SETTINGS}
        shortcut="Alt+Shift+K"
        actions={{ setOpen } as unknown as PanelActions}
      />,
    );
    const handle = screen.getByRole('button', { name: 'Show the Backstory panel (Alt+Shift+K)' });
    expect(handle.querySelector('svg')).toBeTruthy();
    expect(handle.textContent).toBe('Backstory');
    fireEvent.click(handle);
    expect(setOpen).toHaveBeenCalledWith(true);
  });

  it('names an unknown title as plain text', () => {
    const { container } = render(
      <Panel
        view={{ status: 'unknown', title: '<b>Other</b>', reason: 'unknown-show' }}
        open
        settings={DEFAULT_SETTINGS}
        shortcut=""
        actions={{} as PanelActions}
      />,
    );
    expect(container.textContent).toContain('Backstory has no notes for “<b>Other</b>” yet.');
    expect(container.querySelector('b')).toBeNull();
  });
});
