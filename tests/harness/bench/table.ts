/** The bench's result table: one row per figure, printed beside its budget and written to bench-results.json. */
import type { Summary } from './stats';

export interface Row {
  figure: string;
  value: string;
  spread: string;
  budget: string;
  within: boolean;
  raw: unknown;
}

export const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`;

export function createTable() {
  const rows: Row[] = [];
  const add = (row: Row) => {
    rows.push(row);
    console.log(`  ${row.figure}: ${row.value}`);
  };
  return {
    rows,
    add,
    /** A timing against its budget, on the median or (for many short samples) on the 95th percentile. */
    timing(figure: string, s: Summary, budget: number, usesP95 = false) {
      add({
        figure,
        value: usesP95 ? `p50 ${ms(s.median)}, p95 ${ms(s.p95)}` : ms(s.median),
        spread: `${ms(s.min)} to ${ms(s.max)} (${s.runs} runs)`,
        budget: `${usesP95 ? 'p95 ' : ''}≤ ${budget} ms`,
        within: (usesP95 ? s.p95 : s.median) <= budget,
        raw: s,
      });
    },
    /** A timing shown for context, with no budget of its own. */
    unbudgeted(figure: string, s: Summary) {
      add({
        figure,
        value: ms(s.median),
        spread: `${ms(s.min)} to ${ms(s.max)} (${s.runs} runs)`,
        budget: '(no budget)',
        within: true,
        raw: s,
      });
    },
    print() {
      const header = ['Figure', 'Median', 'Spread', 'Budget', ''];
      const lines = rows.map((r) => [r.figure, r.value, r.spread, r.budget, r.within ? 'ok' : 'OVER']);
      const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
      const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
      console.log(`\n${fmt(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
      for (const l of lines) console.log(fmt(l));
    },
  };
}
export type BenchTable = ReturnType<typeof createTable>;
