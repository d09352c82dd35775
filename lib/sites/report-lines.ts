/**
 * The lines every site's "Copy diagnostics" report shares (the report is for maintainers, in English): a labelled
 * value, the identification's result, and how many elements each selector's fallbacks match.
 */

export const line = (label: string, value: unknown) => `${label}: ${value === undefined || value === '' ? '—' : String(value)}`;

export const resultLine = (result: { status: string; reason?: string; via?: string } | null | undefined) =>
  line(
    'Result',
    result ? `${result.status}${result.reason ? ` (${result.reason})` : ''}${result.via ? ` via ${result.via}` : ''}` : 'not yet',
  );

export const selectorsLine = (names: readonly string[], selectors: readonly (readonly number[])[]) =>
  line('Selectors (matches per fallback)', selectors.map((counts, i) => `${names[i]} ${counts.join('/')}`).join('; '));
