import { InvalidArgumentError } from "../errors.js";

/**
 * Keeps the first `length` characters of a rendered hash (Python `truncate_hash`); `null` keeps it
 * whole. Decimal renderings are cut as text too.
 *
 * @example
 * truncateHash("5654987600477331689", 8); // "56549876"
 * truncateHash("abc", null); // "abc"
 */
export function truncateHash(hash: string, length: number | null): string {
  if (length === null) return hash;
  checkTruncation(length);
  return hash.length <= length ? hash : hash.slice(0, length);
}

/**
 * Throws unless `length` is a non-negative integer (a usable truncation length).
 *
 * @example
 * checkTruncation(8); // ok
 * checkTruncation(-1); // throws InvalidArgumentError
 */
export function checkTruncation(length: number): void {
  if (!Number.isInteger(length) || length < 0) {
    throw new InvalidArgumentError(
      `hashing: invalid truncation length ${length}: expected a non-negative integer or null`,
    );
  }
}
