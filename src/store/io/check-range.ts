import { InvalidArgumentError } from "../../errors.js";

/**
 * Rejects byte ranges that are not `0 <= start <= end` in safe integers; a caller bug, not a storage
 * failure, so it is an `InvalidArgumentError`.
 *
 * @example
 * checkRange("footer.parquet", 10, 18); // ok
 * checkRange("footer.parquet", 18, 10); // throws InvalidArgumentError
 */
export function checkRange(key: string, start: number, end: number): void {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new InvalidArgumentError(
      `object store: getRange ${JSON.stringify(key)} [${start}, ${end}) is invalid: need integers 0 <= start <= end`,
    );
  }
}
