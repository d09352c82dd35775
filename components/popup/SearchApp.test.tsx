import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { loadShowData } from '../../lib/db/show-data';
import { viewerHorizon } from '../../lib/pack/horizon';
import { prebuildIndex } from '../../lib/search/search-index';
import { entityDetail, showDocuments } from '../../lib/views/catalog';
import { seededDb } from '../../tests/support/seeded-db';
import { DetailView } from './DetailView';
import { ResultList } from './ResultList';
import { SearchApp } from './SearchApp';
import type { PopupData } from './types';

async function data(overrides: Partial<PopupData> = {}): Promise<PopupData> {
  const db = await seededDb();
  const show = await loadShowData(db, 'heartstopper');
  const horizon = viewerHorizon('furthest', 1, 0, 0);
  return {
    searchIndex: async () => {
      const docs = show ? showDocuments(show, horizon) : [];
      // As the background sends it: prebuilt, then cloned across the message boundary.
      return structuredClone({ docs, index: prebuildIndex(docs) });
    },
    nowWatching: async () => null,
    detail: async (kind, showId, id) => (await entityDetail(db, kind, showId, id, horizon)) ?? null,
    ...overrides,
  };
}
const search = () => screen.getByRole('combobox');

describe('SearchApp', () => {
  it('is a combobox that points at the active option, and arrows move it', async () => {
    render(<SearchApp data={await data()} />);
    await screen.findByText(/entries, limited to/);
    fireEvent.input(search(), { target: { value: 'nick' } });
    const first = await screen.findAllByRole('option');
    expect(search().getAttribute('aria-activedescendant')).toBe(first[0]?.id);
    fireEvent.keyDown(search(), { key: 'ArrowDown' });
    await waitFor(() => expect(search().getAttribute('aria-activedescendant')).toBe(first[1]?.id));
  });

  it('opens the active result with Enter and goes back with Escape', async () => {
    render(<SearchApp data={await data()} />);
    await screen.findByText(/entries, limited to/);
    fireEvent.input(search(), { target: { value: 'tao' } });
    await screen.findAllByRole('option');
    fireEvent.keyDown(search(), { key: 'Enter' });
    expect(await screen.findByRole('heading', { name: 'Tao Xu' })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('heading', { name: 'Tao Xu' }), { key: 'Escape' });
    expect(await screen.findByRole('combobox')).toBeTruthy();
  });

  it('still searches when the prebuilt index is unreadable, and says so in the console', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const good = await (await data()).searchIndex();
    render(<SearchApp data={await data({ searchIndex: async () => ({ docs: good.docs, index: { broken: true } as never }) })} />);
    await screen.findByText(/entries, limited to/);
    fireEvent.input(search(), { target: { value: 'tao' } });
    expect((await screen.findAllByRole('option'))[0]?.textContent).toContain('Tao Xu');
    expect(error).toHaveBeenCalledWith(expect.stringContaining('prebuilt search index'), expect.anything());
  });

  it('shows "Now watching" first, suggestions when nothing matches, and an error when the cache is down', async () => {
    const now = {
      showId: 'heartstopper',
      showTitle: 'Heartstopper',
      episodeId: 's1e2',
      code: 'S1 · E2',
      title: 'Crush',
      readNext: { volume: 1, title: 'Heartstopper Volume 1' },
    };
    const { unmount } = render(<SearchApp data={await data({ nowWatching: async () => now })} />);
    expect(await screen.findByText('Heartstopper · S1 · E2 Crush')).toBeTruthy();
    // The empty state leads somewhere: who is in it, and where to continue reading.
    fireEvent.click(screen.getByRole('button', { name: /Continue reading/ }));
    expect(await screen.findByRole('heading', { name: 'Heartstopper Volume 1' })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('heading', { name: 'Heartstopper Volume 1' }), { key: 'Escape' });
    await screen.findByRole('combobox');
    fireEvent.input(search(), { target: { value: 'charli' } });
    fireEvent.input(search(), { target: { value: 'zzqqxx' } });
    expect(await screen.findByText(/No results for/)).toBeTruthy();
    unmount();
    render(<SearchApp data={await data({ searchIndex: vi.fn(async () => Promise.reject(new Error('down'))) })} />);
    expect((await screen.findByRole('alert')).textContent).toContain('not available');
  });

  it('offers a site the viewer has not turned on while nothing plays, and opens the options at its switch', async () => {
    const openSites = vi.fn(async () => undefined);
    const { unmount } = render(<SearchApp data={await data({ sitesOff: async () => ['Other Video'], openSites })} />);
    expect(await screen.findByText(/Backstory can also work on Other Video, once you turn it on\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Turn it on in the options' }));
    expect(openSites).toHaveBeenCalledTimes(1);
    unmount();
    // Every site on: no offer.
    render(<SearchApp data={await data({ sitesOff: async () => [], openSites })} />);
    await screen.findByText(/Play an episode to see it here/);
    expect(screen.queryByRole('button', { name: 'Turn it on in the options' })).toBeNull();
  });
});

describe('matches held back by the spoiler guard', () => {
  it('says how many and from which season instead of "No results", and shows them only when asked', async () => {
    const d = await data({
      detail: vi.fn(async (kind, showId, id, reveal) => {
        const db = await seededDb();
        const horizon = viewerHorizon('furthest', reveal ? 17 : 1, 0, 0);
        return (await entityDetail(db, kind, showId, id, horizon)) ?? null;
      }),
    });
    const { container } = render(<SearchApp data={d} />);
    await screen.findByText(/entries, limited to/);
    fireEvent.input(search(), { target: { value: 'eddie marsan' } });
    const line = await screen.findByText(/1 match hidden by your spoiler guard \(season 3\)/);
    expect(line).toBeTruthy();
    expect(screen.queryByText(/No results/)).toBeNull();
    expect(container.textContent).not.toContain('Geoff');
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    const option = await screen.findByRole('option', { name: /Geoff/ });
    expect(option.textContent).toContain('Spoiler · from S3');
    fireEvent.click(option);
    await waitFor(() => expect(d.detail).toHaveBeenCalledWith('character', 'heartstopper', expect.any(String), true));
  });
});

describe('ResultList and DetailView', () => {
  it('renders groups of options and a volume with the episodes that adapt it', async () => {
    const onOpen = vi.fn();
    render(
      <ResultList
        groups={[
          {
            kind: 'book',
            hits: [
              {
                id: 'book:h:solitaire',
                kind: 'book',
                showId: 'h',
                showTitle: 'Heartstopper',
                entityId: 'solitaire',
                title: 'Solitaire',
                subtitle: 'novel 2014',
                facts: { of: 'book', bookKind: 'novel', year: 2014 },
                keywords: '',
                score: 1,
              },
            ],
          },
        ]}
        onOpen={onOpen}
        onHover={() => undefined}
      />,
    );
    fireEvent.click(screen.getByRole('option', { name: /Solitaire/ }));
    expect(onOpen).toHaveBeenCalledWith('book:h:solitaire');
    const detail = await (await data()).detail('volume', 'heartstopper', '1');
    if (!detail) throw new Error('no detail');
    render(<DetailView detail={detail} onBack={() => undefined} />);
    expect(screen.getByRole('heading', { name: 'Heartstopper Volume 1' })).toBeTruthy();
    expect(screen.getByText(/S1 · E1 Meet/)).toBeTruthy();
  });
});
