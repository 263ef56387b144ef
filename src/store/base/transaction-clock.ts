import { nowMicros } from "../../arrow/now-micros.js";

/**
 * The next transaction timestamp of a store instance, in microseconds: the wall clock, but at
 * least 1 µs after the previous one, so later writes always sort after earlier ones in
 * keep-latest even within one millisecond.
 *
 * @example
 * const ts = nextTransactionTimestamp(last); // > last
 */
export function nextTransactionTimestamp(last: bigint | null, now: bigint = nowMicros()): bigint {
  return last !== null && now <= last ? last + 1n : now;
}
