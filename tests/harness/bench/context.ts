/** What every figure needs: the browser with the extension, the table to add to, and how long to measure. */
import type { ExtensionBrowser } from '../browser';
import type { BenchTable } from './table';

export interface BenchContext {
  browser: ExtensionBrowser;
  table: BenchTable;
  /** Port of the imitation Netflix site. */
  port: number;
  /** Repetitions of each timed action. */
  runs: number;
  /** Length and number of the CPU-profile windows. */
  cpuSeconds: number;
  cpuRuns: number;
}
