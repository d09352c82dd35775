import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Diagnostics } from './Diagnostics';

describe('Diagnostics', () => {
  it('copies the report and shows it, selectable', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<Diagnostics read={async () => 'Backstory 1.0 diagnostics\nResult: unknown'} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Copied'));
    expect(writeText).toHaveBeenCalledWith('Backstory 1.0 diagnostics\nResult: unknown');
    expect((screen.getByRole('textbox', { name: 'Diagnostics' }) as HTMLTextAreaElement).value).toContain('Result: unknown');
  });

  it('asks the viewer to copy by hand when the clipboard refuses', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async () => Promise.reject(new Error('denied')) },
      configurable: true,
    });
    render(<Diagnostics read={async () => 'report'} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Select the text below and copy it.'));
  });
});
