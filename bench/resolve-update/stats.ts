/**
 * Median and interquartile range of a sample, as the paper's plot shows them.
 *
 * @example
 * const { median, q1, q3 }: Summary = summarize([3, 1, 2, 10]);
 */
export interface Summary {
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly n: number;
}

/**
 * Summarises a sample (quantiles by linear interpolation between order statistics, numpy's
 * default).
 *
 * @example
 * summarize([3, 1, 2, 10]); // { median: 2.5, q1: 1.75, q3: 4.75, n: 4 }
 */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error("bench: cannot summarise an empty sample");
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    n: sorted.length,
  };
}

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
