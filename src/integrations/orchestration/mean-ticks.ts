import { columnValues } from "../../arrow/read-values.js";
import type { Column } from "../../kernels/kernels.js";

/**
 * The mean of a timestamp (or integer) column's raw ticks, nulls skipped, as Polars computes
 * `col.cast(Float64).mean()`; null when every cell is null. The sum is exact (BigInt), so the mean
 * is the correctly rounded double whenever the integral part is below 2^53.
 *
 * @example
 * meanTicks(table.getChild(METAXY_CREATED_AT)!); // 1700000000000001.5
 */
export function meanTicks(column: Column): number | null {
  let sum = 0n;
  let count = 0n;
  for (const value of columnValues(column, "raw")) {
    if (value === null) continue;
    sum += BigInt(value as bigint | number);
    count += 1n;
  }
  if (count === 0n) return null;
  const whole = sum / count;
  return Number(whole) + Number(sum - whole * count) / Number(count);
}
