import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { LookupCastMember, TitleLookupView } from '../../lib/lookup/title-view';
import { LookupView } from './LookupView';
import type { LookupActions } from './types';

const member = (id: number, extra: Partial<LookupCastMember> = {}): LookupCastMember => ({
  personId: id,
  person: `Actor ${id}`,
  characterId: id,
  character: `Role ${id}`,
  self: false,
  voice: false,
  ...extra,
});
const playing = { titleId: '70000100', title: 'Game of Thrones', season: 1, episode: 1, episodeTitle: 'Winter Is Coming' };
const found: TitleLookupView = {
  status: 'found',
  playing,
  show: { id: 82, name: 'Game of Thrones', url: 'https://www.tvmaze.com/shows/82/game-of-thrones', year: 2011, network: 'HBO' },
  cast: [member(1, { guest: true }), member(2, { voice: true })],
  held: [member(3)],
  basedOn: {
    item: 'Q23572',
    works: [
      {
        qid: 'Q45875',
        url: 'https://www.wikidata.org/wiki/Q45875',
        title: 'A Song of Ice and Fire',
        types: ['novel series'],
        authors: ['George R. R. Martin'],
        from: 1996,
      },
    ],
  },
  chosen: false,
  missing: [],
};

function actions(first: TitleLookupView, overrides: Partial<LookupActions> = {}): LookupActions {
  return {
    view: vi.fn(async () => first),
    allow: vi.fn(async () => 'granted' as const),
    candidates: vi.fn(async () => [{ id: 83, name: 'Game of Thrones', url: 'https://www.tvmaze.com/shows/83/x', year: 2020 }]),
    choose: vi.fn(async () => found),
    confirm: vi.fn(async () => found),
    ...overrides,
  };
}

describe('the panel for a title without a pack', () => {
  it('asks the viewer before looking up a title only the page named, and looks it up once they confirm', async () => {
    const playing = { titleId: 'title:harbour lights', title: 'Harbour Lights', season: 2, episode: 1 };
    const lookups = actions({ status: 'confirm', playing });
    render(<LookupView actions={lookups} videoKey="a" />);
    expect(await screen.findByText(/Only the page says this is “Harbour Lights”/)).toBeTruthy();
    expect(lookups.confirm).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, look it up' }));
    expect(await screen.findByRole('heading', { name: /Game of Thrones/ })).toBeTruthy();
    expect(lookups.confirm).toHaveBeenCalledWith('title:harbour lights');
  });

  it('offers lookups, saying what would be sent, and looks up once the browser grants them', async () => {
    let granted = false;
    const lookups = actions({ status: 'off' }, { view: vi.fn(async () => (granted ? found : { status: 'off' as const })) });
    render(<LookupView actions={lookups} videoKey="a" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Look up this title on TVmaze and Wikidata…' }));
    expect(await screen.findByText(/English name/)).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Look up titles Backstory has no pack for');
    granted = true;
    fireEvent.click(screen.getByRole('button', { name: 'Look up titles Backstory has no pack for' }));
    expect(await screen.findByRole('heading', { name: /Game of Thrones/ })).toBeTruthy();
    expect(lookups.allow).toHaveBeenCalledTimes(1);
  });

  it('shows the cast marked as not curated, guests and voices said, the rest held back, and credits both sources', async () => {
    render(<LookupView actions={actions(found)} videoKey="a" />);
    await screen.findByText('Role 1');
    expect(screen.getByText('Not curated')).toBeTruthy();
    expect(screen.getByText('Guest in this episode')).toBeTruthy();
    expect(screen.getByText(/Actor 2 \(voice\)/)).toBeTruthy();
    expect(screen.queryByText('Role 3')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Show one spoiler: 1 more cast member/ }));
    expect(await screen.findByText('Role 3')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'A Song of Ice and Fire' }).getAttribute('href')).toBe(
      'https://www.wikidata.org/wiki/Q45875',
    );
    expect(screen.getByText(/novel series, by George R. R. Martin, 1996/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'TVmaze' }).getAttribute('href')).toBe(
      found.status === 'found' ? found.show.url : '',
    );
    expect(screen.getByRole('link', { name: 'CC BY-SA 4.0' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Wikidata' }).getAttribute('href')).toBe('https://www.wikidata.org/wiki/Q23572');
  });

  it('links only to the providers’ own https pages, even for an answer cached before that rule (review 2, N14, N15)', async () => {
    const work = found.status === 'found' ? found.basedOn?.works[0] : undefined;
    if (found.status !== 'found' || !work) throw new Error('fixture');
    const hostile: TitleLookupView = {
      ...found,
      show: { ...found.show, url: 'javascript:alert(document.domain)//' },
      basedOn: { works: [{ ...work, url: 'https://evil.example/phish' }] },
    };
    render(<LookupView actions={actions(hostile)} videoKey="a" />);
    await screen.findByText('Role 1');
    expect(screen.getByRole('link', { name: 'TVmaze' }).getAttribute('href')).toBe('https://www.tvmaze.com/shows/82');
    expect(screen.queryByRole('link', { name: 'A Song of Ice and Fire' })).toBeNull();
    expect(screen.getByText(/A Song of Ice and Fire/)).toBeTruthy();
    for (const link of screen.getAllByRole('link'))
      expect(link.getAttribute('href')).toMatch(/^https:\/\/(www\.tvmaze\.com|www\.wikidata\.org|creativecommons\.org)\//);
  });

  it('lets the viewer pick the show when unsure, or when it is not this one', async () => {
    const lookups = actions({
      status: 'unsure',
      playing,
      basedOn: null,
      candidates: [{ id: 139, name: 'Girls', url: 'u', year: 2012, network: 'HBO' }],
    });
    render(<LookupView actions={lookups} videoKey="a" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Girls (2012, HBO)' }));
    await waitFor(() => expect(lookups.choose).toHaveBeenCalledWith(139));
    fireEvent.click(await screen.findByRole('button', { name: 'Not this show?' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Game of Thrones (2020)' }));
    await waitFor(() => expect(lookups.choose).toHaveBeenCalledWith(83));
  });

  it('says what is missing and offers to try again, without blocking the rest', async () => {
    const lookups = actions({ status: 'unavailable', playing });
    render(<LookupView actions={lookups} videoKey="a" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(lookups.view).toHaveBeenCalledTimes(2));
    render(<LookupView actions={actions({ ...found, missing: ['basedOn', 'guests'] } as TitleLookupView)} videoKey="b" />);
    expect(await screen.findByText(/what the show is based on is missing/)).toBeTruthy();
    expect(screen.getByText(/guest stars could not be fetched/)).toBeTruthy();
  });

  it('sends the viewer to the options page where the panel cannot ask the browser', async () => {
    render(<LookupView actions={actions({ status: 'off' }, { allow: vi.fn(async () => 'options' as const) })} videoKey="a" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Look up this title on TVmaze and Wikidata…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Look up titles Backstory has no pack for' }));
    expect(await screen.findByText(/options page that just opened/)).toBeTruthy();
  });

  it('says a film has no cast on TVmaze, and still shows what it is based on', async () => {
    const film: TitleLookupView = {
      status: 'film',
      playing: { titleId: '1' },
      basedOn: found.status === 'found' ? found.basedOn : null,
      missing: [],
    };
    render(<LookupView actions={actions(film)} videoKey="a" />);
    expect(await screen.findByText(/TVmaze lists series only/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'A Song of Ice and Fire' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Wikidata' })).toBeTruthy();
  });
});
