import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { LookupsSection } from './LookupsSection';
import type { LookupsData } from './types';

function fakeLookups(grant = true) {
  const state = { allowed: false, titles: 2 };
  const data: LookupsData = {
    stats: vi.fn(async () => ({ ...state })),
    allow: vi.fn(async () => {
      state.allowed = grant;
      return grant;
    }),
    disallow: vi.fn(async () => {
      state.allowed = false;
      return true;
    }),
    clear: vi.fn(async () => {
      state.titles = 0;
    }),
    watch: vi.fn(() => () => undefined),
  };
  return data;
}

describe('the options for titles without a pack', () => {
  it('turns lookups on by asking the browser, off by giving the grant back, and offers to clear', async () => {
    const data = fakeLookups();
    render(<LookupsSection data={data} />);
    expect(await screen.findByText(/nothing is asked of TVmaze or Wikidata/)).toBeTruthy();
    expect(screen.getByText(/the streaming site’s number for it go to Wikidata/)).toBeTruthy();
    const toggle = screen.getByRole('checkbox', { name: 'Look up titles Backstory has no pack for' });
    fireEvent.click(toggle);
    await waitFor(() => expect((toggle as HTMLInputElement).checked).toBe(true));
    expect(data.allow).toHaveBeenCalledTimes(1);
    fireEvent.click(toggle);
    expect(await screen.findByText(/Lookups are off. Clear what was fetched too\?/)).toBeTruthy();
    expect(data.disallow).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Clear what was fetched' }));
    expect(await screen.findByText('What was fetched was cleared.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Clear what was fetched' })).toBeNull();
  });

  it('says so when the browser refuses, and stays off', async () => {
    render(<LookupsSection data={fakeLookups(false)} />);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Look up titles Backstory has no pack for' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect((screen.getByRole('checkbox') as HTMLInputElement).checked).toBe(false);
  });
});
