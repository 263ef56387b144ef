import { DEFAULT_HASH_TRUNCATION_LENGTH } from "../constants.js";
import { InvalidArgumentError } from "../errors.js";

let defaultLength: number | null = DEFAULT_HASH_TRUNCATION_LENGTH;

/**
 * Checks a `hash_truncation_length`: an integer of at least 8 (Python's minimum), or null for full-length
 * hashes. Throws `InvalidArgumentError` otherwise.
 *
 * @example
 * checkHashTruncationLength(12); // 12
 */
export function checkHashTruncationLength(value: unknown): number | null {
  if (value === null) return null;
  if (typeof value !== "number" || !Number.isInteger(value) || value < DEFAULT_HASH_TRUNCATION_LENGTH) {
    throw new InvalidArgumentError(
      `graph: hashTruncationLength must be an integer >= ${DEFAULT_HASH_TRUNCATION_LENGTH} or null, got ${String(value)}`,
    );
  }
  return value;
}

/**
 * Sets the truncation length that graphs created afterwards use when their options name none (config
 * loading calls this with `hash_truncation_length`). Existing graphs keep theirs.
 *
 * @example
 * setDefaultHashTruncationLength(16);
 * new FeatureGraph().hashTruncationLength; // 16
 */
export function setDefaultHashTruncationLength(length: number | null): void {
  defaultLength = checkHashTruncationLength(length);
}

/**
 * The truncation length new graphs default to (8 unless changed).
 *
 * @example
 * getDefaultHashTruncationLength(); // 8
 */
export function getDefaultHashTruncationLength(): number | null {
  return defaultLength;
}

/**
 * Python's `truncate_hash`: the first `length` characters, or the whole hash when `length` is null.
 *
 * @example
 * truncateHash("8bcff601a1b2", 8); // "8bcff601"
 */
export function truncateHash(hash: string, length: number | null): string {
  return length === null || hash.length <= length ? hash : hash.slice(0, length);
}
