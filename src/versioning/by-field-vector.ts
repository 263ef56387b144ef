import type { Vector } from "apache-arrow";
import { makeMapVector } from "../arrow/make-map-vector.js";
import { makeStructVector } from "../arrow/make-struct-vector.js";

/**
 * A `*_by_field` column from per-field hash columns (struct key → values, in declared field order):
 * a Struct by default, a Map<Utf8, Utf8> with the same entries in the same order when `asMap`.
 *
 * @example
 * byFieldVector([["audio", audioHashes], ["frames", frameHashes]], false);
 */
export function byFieldVector(
  entries: readonly (readonly [string, Vector])[],
  asMap: boolean,
  length?: number,
): Vector {
  return asMap ? makeMapVector(entries, length) : makeStructVector(entries, null, length);
}
