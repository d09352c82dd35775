import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Badge } from './Badge';
import { HiddenItems } from './HiddenItems';
import { RevealedView } from './RevealedView';
import { SourceLinks } from './SourceLinks';
import { VolumeSelect } from './VolumeSelect';

describe('SourceLinks', () => {
  it('opens links in a new tab without handing over the opener', () => {
    render(
      <SourceLinks
        sources={[
          { key: 'P1', title: 'example.org', url: 'https://example.org/a' },
          { key: 'R1', title: 'Public repository file', note: 'A fixture' },
        ]}
      />,
    );
    const link = screen.getByRole('link', { name: 'example.org' });
    expect(link.getAttribute('title')).toBe('https://example.org/a');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByText('A fixture')).toBeTruthy();
    expect(screen.getByText('Sources (2)')).toBeTruthy();
  });

  it('names publishers as readers know them, and lists a source behind several lines once', () => {
    render(
      <SourceLinks
        sources={[
          { key: 'P1', title: 'radiotimes.com', url: 'https://www.radiotimes.com/a' },
          { key: 'P1', title: 'radiotimes.com', url: 'https://www.radiotimes.com/a' },
          { key: 'P2', title: 'www.someblog.net', url: 'https://www.someblog.net/b' },
        ]}
      />,
    );
    expect(screen.getByRole('link', { name: 'Radio Times' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'someblog.net' })).toBeTruthy();
    expect(screen.getByText('Sources (2)')).toBeTruthy();
  });

  it('renders nothing without sources', () => {
    const { container } = render(<SourceLinks sources={[]} />);
    expect(container.textContent).toBe('');
  });
});

describe('Badge', () => {
  it('carries its meaning in text', () => {
    render(<Badge tone="show-only">Show-only</Badge>);
    expect(screen.getByText('Show-only').className).toContain('bs-badge--show-only');
  });
});

describe('HiddenItems and RevealedView', () => {
  it('reveals one item per request, in order, and counts the rest', async () => {
    const reveal = vi.fn(async (handle: string) => ({
      kind: 'note' as const,
      note: { id: handle, text: `text of ${handle}`, kind: 'character' as const, sources: [] },
      from: { episode: 'S3E2', volume: 4 },
    }));
    render(
      <HiddenItems
        items={[{ handle: 'ha' }, { handle: 'hb' }]}
        kind="note"
        reveal={reveal}
        render={(item) => <RevealedView item={item} />}
      />,
    );
    expect(screen.queryByText(/text of/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show one spoiler: 2 notes later in the story' }));
    expect(await screen.findByText('text of ha')).toBeTruthy();
    expect(screen.queryByText('text of hb')).toBeNull();
    expect(screen.getByText('1 more note later in the story')).toBeTruthy();
    expect(reveal).toHaveBeenCalledWith('ha');
    // It says how far ahead it lies, and can be hidden again.
    expect(screen.getByText('Spoiler · from S3E2 and Volume 4')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Hide this spoiler again (from S3E2 and Volume 4)' }));
    expect(screen.queryByText('text of ha')).toBeNull();
    expect(screen.getByText('2 notes later in the story')).toBeTruthy();
  });

  it('offers to try again when a reveal fails', async () => {
    render(<HiddenItems items={[{ handle: 'ha' }]} kind="note" reveal={async () => null} render={() => null} />);
    fireEvent.click(screen.getByRole('button'));
    await waitFor(() => expect(screen.getByRole('button').textContent).toBe('Try again'));
  });
});

describe('VolumeSelect', () => {
  it('offers none yet and every volume, and reports the number chosen', () => {
    const onChange = vi.fn();
    render(
      <>
        <label for="v">Comics read</label>
        <VolumeSelect id="v" value={2} volumes={3} onChange={onChange} />
      </>,
    );
    const select = screen.getByLabelText('Comics read') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'None yet',
      'Up to Volume 1',
      'Up to Volume 2',
      'Up to Volume 3',
    ]);
    expect(select.value).toBe('2');
    fireEvent.change(select, { target: { value: '3' } });
    expect(onChange).toHaveBeenCalledWith(3);
  });
});
