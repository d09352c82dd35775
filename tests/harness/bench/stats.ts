/** Summaries for noisy timings: the median with the spread, and percentiles. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (at - lo);
}

export interface Summary {
  median: number;
  min: number;
  max: number;
  p95: number;
  runs: number;
}

export function summarize(values: number[]): Summary {
  return {
    median: percentile(values, 0.5),
    min: Math.min(...values),
    max: Math.max(...values),
    p95: percentile(values, 0.95),
    runs: values.length,
  };
}
