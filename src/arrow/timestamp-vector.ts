import { makeData, makeVector, TimestampMicrosecond, type Vector } from "apache-arrow";
import { InvalidArgumentError } from "../errors.js";

/**
 * A Timestamp(µs, tz) column, no nulls: `micros` on every row, or one value per row from an array.
 * It always gets its own freshly allocated buffer — two columns sharing one values buffer corrupt
 * IPC and Parquet writes (apache-arrow 21 merges the overlapping writes).
 *
 * @example
 * const now = nowMicros();
 * withColumn(withColumn(t, METAXY_CREATED_AT, timestampVector(now, n)), METAXY_UPDATED_AT, timestampVector(now, n));
 */
export function timestampVector(
  micros: bigint | readonly bigint[],
  length: number,
  tz: string | null = "UTC",
): Vector<TimestampMicrosecond> {
  const values = new BigInt64Array(length);
  if (typeof micros === "bigint") values.fill(micros);
  else {
    if (micros.length !== length) {
      throw new InvalidArgumentError(`arrow: timestampVector got ${micros.length} values for ${length} rows`);
    }
    for (let i = 0; i < length; i++) values[i] = micros[i]!;
  }
  return makeVector(makeData({ type: new TimestampMicrosecond(tz), length, nullCount: 0, data: values }));
}
