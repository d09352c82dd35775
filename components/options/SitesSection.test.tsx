import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SitesSection } from './SitesSection';
import type { SitesData } from './types';

function fakeSites(grant = true) {
  const allowed = new Set<string>();
  const listeners: (() => void)[] = [];
  const data: SitesData = {
    sites: [{ id: 'other', name: 'Other Video', hosts: ['www.other.example', 'www.shop.example'] }],
    allowed: vi.fn(async (id: string) => allowed.has(id)),
    allow: vi.fn(async (id: string) => {
      if (grant) allowed.add(id);
      return grant;
    }),
    disallow: vi.fn(async (id: string) => allowed.delete(id)),
    watch: vi.fn((onChange: () => void) => {
      listeners.push(onChange);
      return () => undefined;
    }),
  };
  /** The grant taken back in the browser's own settings. */
  const revokeInBrowser = (id: string) => {
    allowed.delete(id);
    for (const l of listeners) l();
  };
  return { data, revokeInBrowser };
}

describe('the options for streaming sites', () => {
  it('turns a site on by asking the browser for its hosts, and off by giving them back', async () => {
    const { data } = fakeSites();
    render(<SitesSection data={data} />);
    expect(await screen.findByText('Off: Backstory does not read Other Video’s pages.')).toBeTruthy();
    expect(screen.getByText(/www\.other\.example and www\.shop\.example/)).toBeTruthy();
    const toggle = screen.getByRole('checkbox', { name: 'Show Backstory on Other Video' });
    fireEvent.click(toggle);
    expect(await screen.findByText('On: Backstory reads Other Video’s player while you watch.')).toBeTruthy();
    expect((toggle as HTMLInputElement).checked).toBe(true);
    expect(data.allow).toHaveBeenCalledWith('other');
    fireEvent.click(toggle);
    await waitFor(() => expect((toggle as HTMLInputElement).checked).toBe(false));
    expect(data.disallow).toHaveBeenCalledWith('other');
  });

  it('shows a grant taken back in the browser’s own settings', async () => {
    const { data, revokeInBrowser } = fakeSites();
    render(<SitesSection data={data} />);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Show Backstory on Other Video' }));
    await screen.findByText(/^On:/);
    revokeInBrowser('other');
    expect(await screen.findByText(/^Off:/)).toBeTruthy();
  });

  it('says so when the browser refuses, and stays off', async () => {
    render(<SitesSection data={fakeSites(false).data} />);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Show Backstory on Other Video' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The browser did not give Backstory access to Other Video, so it stays off.',
    );
    expect((screen.getByRole('checkbox') as HTMLInputElement).checked).toBe(false);
  });
});
