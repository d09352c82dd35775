// The panel's sections, each rendered on its own.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { viewerHorizon } from '../../lib/pack/horizon';
import { episodeContext } from '../../lib/views/context';
import { seededDb } from '../../tests/support/seeded-db';
import { CastList } from './CastList';
import { CastMember } from './CastMember';
import { ComicContext } from './ComicContext';
import { EpisodePicker } from './EpisodePicker';
import { SpoilerControls } from './SpoilerControls';
import type { PanelActions } from './types';
import { WhereAreYou } from './WhereAreYou';

async function context(episodeId: string, ordinal: number) {
  const ctx = await episodeContext(await seededDb(), 'heartstopper', episodeId, viewerHorizon('current', ordinal, 0, 0));
  if (!ctx) throw new Error('no context');
  return ctx;
}
const noReveal = vi.fn(async () => null);

describe('CastMember', () => {
  it('is one line, character then actor, with the summary under it only when expanded', async () => {
    const entry = (await context('s1e1', 1)).cast[0];
    if (!entry) throw new Error('no cast');
    render(<CastMember entry={entry} reveal={noReveal} />);
    const toggle = screen.getByRole('button', { name: /Charlie Spring · Joe Locke/ });
    expect(screen.queryByText(entry.summary)).toBeNull();
    fireEvent.click(toggle);
    expect(screen.getByText(entry.summary)).toBeTruthy();
  });

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
    expect(screen.getByText(/actor not confirmed/)).toBeTruthy();
    expect(screen.queryByText('From This Winter')).toBeNull();
  });
});

describe('CastList', () => {
  it('lists who is in the episode under a heading, with one line for held-back cast members', async () => {
    const ctx = await context('s3e1', 17);
    render(<CastList cast={ctx.cast} hidden={ctx.hiddenCast} reveal={noReveal} />);
    expect(screen.getByRole('heading', { name: 'In this episode' })).toBeTruthy();
    expect(screen.getByText('4 cast members who appear later in the story')).toBeTruthy();
  });

  it('shows who is in the episode first and the rest of the season behind one button', async () => {
    const ctx = await context('s2e1', 9);
    render(<CastList cast={ctx.cast} hidden={ctx.hiddenCast} reveal={noReveal} />);
    const list = screen.getByRole('list', { name: 'In this episode' });
    const here = ctx.cast.filter((c) => c.inEpisode);
    expect(here.map((c) => c.characterId)).toEqual(['charlie-spring', 'nick-nelson', 'elle-argent', 'tao-xu', 'imogen-heaney']);
    expect(list.querySelectorAll('li')).toHaveLength(here.length);
    expect(list.textContent).not.toContain('Sahar Zahid');
    const also = screen.getByRole('button', { name: `Also this season: ${ctx.cast.length - here.length} more` });
    expect(screen.queryByRole('heading', { name: 'Also this season' })).toBeNull();
    fireEvent.click(also);
    const rest = screen.getByRole('list', { name: 'Also this season' });
    expect(rest.querySelectorAll('li')).toHaveLength(ctx.cast.length - here.length);
    expect(rest.textContent).toContain('Sahar Zahid');
    expect(also.getAttribute('aria-expanded')).toBe('true');
    expect(also.textContent).toBe('Show only who is in this episode');
  });

  it('shows the season’s cast, the characters at the centre first, for a pack that does not say who appears', async () => {
    const ctx = await context('s2e1', 9);
    const cast = ctx.cast.map(({ inEpisode: _, ...entry }) => entry);
    render(<CastList cast={cast} hidden={ctx.hiddenCast} reveal={noReveal} />);
    const list = screen.getByRole('list', { name: 'Cast this season' });
    const central = cast.filter((c) => c.group === 'central');
    expect(list.querySelectorAll('li')).toHaveLength(central.length);
    expect(list.textContent).not.toContain('Sarah Nelson');
    const more = screen.getByRole('button', { name: `${cast.length - central.length} more in this season` });
    fireEvent.click(more);
    expect(list.querySelectorAll('li')).toHaveLength(cast.length);
    expect(more.getAttribute('aria-expanded')).toBe('true');
  });
});

describe('ComicContext', () => {
  it('shows the volume, chapter and fidelity, where to read next, and one Sources link for the card', async () => {
    const ctx = await context('s1e2', 2);
    const { container } = render(
      <ComicContext links={ctx.comic} hidden={ctx.hiddenComic} next={ctx.keepReading} reveal={noReveal} />,
    );
    expect(screen.getByText('Heartstopper Volume 1, chapter 2 “Crush”')).toBeTruthy();
    expect(screen.getAllByText('Adapted').length).toBeGreaterThan(0);
    expect(screen.getByText('Read next:', { exact: false })).toBeTruthy();
    expect(container.querySelectorAll('.bs-sources')).toHaveLength(1);
  });

  it('says when no mapping is known', () => {
    render(<ComicContext links={[]} hidden={[]} next={null} reveal={noReveal} />);
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
        onWhere={() => undefined}
      />,
    );
    expect((screen.getByLabelText('Comics read') as HTMLSelectElement).options).toHaveLength(7);
    expect((screen.getByLabelText('Comics read') as HTMLSelectElement).value).toBe('2');
    expect(screen.getByText('up to S1 · E1')).toBeTruthy();
  });
});

describe('WhereAreYou', () => {
  const props = (actions: Partial<PanelActions>, onDone = vi.fn()) => ({
    showId: 'heartstopper',
    showTitle: 'Heartstopper',
    watchedUpTo: 's1e1',
    readVolume: 1,
    volumes: 6,
    onDone,
    actions: {
      listEpisodes: vi.fn(async () => [{ id: 's1e1', code: 'S1 · E1', title: 'Meet' }]),
      place: vi.fn(async () => undefined),
      setReadVolume: vi.fn(async () => undefined),
      ...actions,
    } as unknown as PanelActions,
  });

  it('takes "Not now" as an answer that changes nothing', async () => {
    const p = props({});
    render(<WhereAreYou {...p} />);
    expect(screen.getByRole('form', { name: 'Where are you in Heartstopper?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(p.onDone).toHaveBeenCalled());
    expect(p.actions.place).toHaveBeenCalledWith('heartstopper', 's1e1');
    expect(p.actions.setReadVolume).not.toHaveBeenCalled();
  });

  it('keeps the question open and says so when the answer cannot be saved', async () => {
    const p = props({
      place: vi.fn(async () => {
        throw new Error('offline');
      }),
    });
    render(<WhereAreYou {...p} />);
    await waitFor(() => expect((screen.getByLabelText('Watched up to') as HTMLSelectElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(p.onDone).not.toHaveBeenCalled();
  });
});

describe('the panel words the background data', () => {
  it('says where the spoiler guard stands, and where to read on', async () => {
    const { horizonText, keepReadingText } = await import('./words');
    expect(horizonText({ episodeOrdinal: 2, volume: 0, upTo: 'S1 · E2', off: false })).toBe('up to S1 · E2');
    expect(horizonText({ episodeOrdinal: 2, volume: 3, upTo: 'S1 · E2', off: false })).toBe('up to S1 · E2, read to Volume 3');
    expect(horizonText({ episodeOrdinal: 0, volume: 0, upTo: null, off: false })).toBe('from the start');
    expect(horizonText({ episodeOrdinal: Number.POSITIVE_INFINITY, volume: 0, upTo: null, off: true })).toBe('Spoiler guard off');
    expect(keepReadingText({ volume: 6, title: 'Heartstopper Volume 6', why: 'read-all' })).toBe('You have read every volume.');
    expect(keepReadingText({ volume: 5, title: 'Heartstopper Volume 5', why: 'read-up-to', read: 4 })).toBe(
      'You have read up to Volume 4, so Heartstopper Volume 5 is next.',
    );
    expect(keepReadingText({ volume: 3, title: 'V3', why: 'season-adapts', season: 2, volumes: [3] })).toBe(
      'Season 2 adapts Volume 3: read it alongside it.',
    );
  });
});
