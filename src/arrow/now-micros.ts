/**
 * The current wall-clock time in microseconds since the Unix epoch (millisecond resolution, as
 * `Date.now()`), the unit of every metaxy timestamp column.
 *
 * @example
 * const updatedAt = timestampVector(nowMicros(), table.numRows);
 */
export function nowMicros(): bigint {
  return BigInt(Date.now()) * 1000n;
}
