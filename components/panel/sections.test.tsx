// The panel's sections, each rendered on its own.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { episodeContext } from '../../lib/db/context';
import { viewerHorizon } from '../../lib/pack/horizon';
import { seededDb } from '../../tests/support/seeded-db';
import { CastList } from './CastList';
import { CastMember } from './CastMember';
import { ComicContext, KeepReadingSection } from './ComicContext';
import { EpisodePicker } from './EpisodePicker';
import { SpoilerControls } from './SpoilerControls';
import type { PanelActions } from './types';

async function context(episodeId: string, ordinal: number) {
  const ctx = await episodeContext(await seededDb(), 'heartstopper', episodeId, viewerHorizon('current', ordinal, 0, 0));
  if (!ctx) throw new Error('no context');
  return ctx;
}
const noReveal = vi.fn(async () => null);

describe('CastMember', () => {
  it('is a disclosure: collapsed by default, expanded on activation', async () => {
    const entry = (await context('s1e1', 1)).cast[0];
    if (!entry) throw new Error('no cast');
    render(<CastMember entry={entry} reveal={noReveal} />);
    const toggle = screen.getByRole('button', { name: /Charlie Spring/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(toggle.getAttribute('aria-controls') ?? '')).toBeTruthy();
  });

  it('says so when no actor is confirmed', async () => {
    const oliver = (await context('s3e5', 21)).cast.find((c) => c.name === 'Oliver Spring');
    if (!oliver) throw new Error('no Oliver');
    render(<CastMember entry={oliver} reveal={noReveal} />);
    expect(screen.getByText('Actor not confirmed')).toBeTruthy();
    expect(screen.queryByText('From This Winter')).toBeNull();
  });
});

describe('CastList', () => {
  it('lists the cast under a heading, with one line for held-back cast members', async () => {
    const ctx = await context('s3e1', 17);
    render(<CastList cast={ctx.cast} hidden={ctx.hiddenCast} reveal={noReveal} />);
    expect(screen.getByRole('heading', { name: 'In this season' })).toBeTruthy();
    expect(screen.getByText('4 cast members who appear later in the story')).toBeTruthy();
  });

  it('groups the cast by how much of the story they carry, never as credits, each group a labelled list', async () => {
    const ctx = await context('s2e1', 9);
    render(<CastList cast={ctx.cast} hidden={ctx.hiddenCast} reveal={noReveal} />);
    const headings = screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent);
    expect(headings[0]).toBe('At the centre');
    expect(headings.length).toBeGreaterThan(1);
    expect(headings.join(' ')).not.toMatch(/cast|star|credit/i);
    const main = screen.getByRole('list', { name: 'At the centre' });
    expect(main.textContent).toContain('Charlie Spring');
    expect(main.textContent).not.toContain('Sarah Nelson');
  });

  it('needs no group headings when everyone is in the same group', async () => {
    const ctx = await context('s1e1', 1);
    const main = ctx.cast.filter((c) => c.group === 'central');
    render(<CastList cast={main} hidden={[]} reveal={noReveal} />);
    expect(screen.queryAllByRole('heading', { level: 4 })).toEqual([]);
    expect(screen.getByRole('list', { name: 'In this season' })).toBeTruthy();
  });
});

describe('ComicContext and KeepReadingSection', () => {
  it('shows the volume, chapter and fidelity, and where to read next', async () => {
    const ctx = await context('s1e2', 2);
    render(
      <>
        <ComicContext links={ctx.comic} hidden={ctx.hiddenComic} reveal={noReveal} />
        <KeepReadingSection next={ctx.keepReading} />
      </>,
    );
    expect(screen.getByText('Heartstopper Volume 1, chapter 2 “Crush”')).toBeTruthy();
    expect(screen.getAllByText('Adapted').length).toBeGreaterThan(0);
    expect(screen.getByRole('heading', { name: 'Keep reading' })).toBeTruthy();
  });

  it('says when no mapping is known', () => {
    render(<ComicContext links={[]} hidden={[]} reveal={noReveal} />);
    expect(screen.getByText('No source mapping is known for this episode.')).toBeTruthy();
  });
});

describe('EpisodePicker', () => {
  it('reports a failed save instead of closing', async () => {
    const onDone = vi.fn();
    const actions = {
      listEpisodes: vi.fn(async () => [{ id: 's1e1', code: 'S1 · E1', title: 'Meet' }]),
      correct: vi.fn(async () => {
        throw new Error('offline');
      }),
    } as unknown as PanelActions;
    render(<EpisodePicker showId="heartstopper" actions={actions} onDone={onDone} />);
    await waitFor(() =>
      expect((screen.getByLabelText('Which episode is playing?') as HTMLSelectElement).options).toHaveLength(1),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Use this episode' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('SpoilerControls', () => {
  it('labels both axes and offers one option per volume', () => {
    render(
      <SpoilerControls
        showId="heartstopper"
        label="up to S1 · E1"
        guard="furthest"
        readVolume={2}
        volumes={6}
        actions={{} as PanelActions}
      />,
    );
    expect((screen.getByLabelText('Comics read') as HTMLSelectElement).options).toHaveLength(7);
    expect((screen.getByLabelText('Comics read') as HTMLSelectElement).value).toBe('2');
    expect(screen.getByText('up to S1 · E1')).toBeTruthy();
  });
});
