import { Utf8 } from "apache-arrow";
import { castVector } from "../arrow/cast-vector.js";
import { stringChunks } from "../arrow/strings.js";
import { oneChunk } from "../arrow/take-column.js";
import type { Column } from "../kernels/kernels.js";

/**
 * A string column as one Utf8 chunk's raw buffers, for byte-wise comparisons without JS strings.
 *
 * @example
 * const { offsets, values } = flatUtf8(column, "metaxy_provenance");
 */
export interface FlatUtf8 {
  readonly offsets: Int32Array;
  readonly values: Uint8Array;
  readonly validity: Uint8Array | null;
  readonly validityOffset: number;
}

/**
 * The column as one Utf8 chunk (converted from LargeUtf8 / Utf8View / Null / dictionary, copied
 * only when it is not already a single Utf8 chunk); `path` names it in conversion errors.
 *
 * @example
 * const prov = flatUtf8(expected.getChild("metaxy_provenance")!, "metaxy_provenance");
 */
export function flatUtf8(column: Column, path: string): FlatUtf8 {
  const chunk = stringChunks(oneChunk(castVector(column, new Utf8(), path)))[0]!;
  return {
    offsets: chunk.offsets as Int32Array,
    values: chunk.values,
    validity: chunk.validity,
    validityOffset: chunk.validityOffset,
  };
}

/**
 * Whether row `i` of a flat column is not null.
 *
 * @example
 * if (!isValidRow(prov, 3)) console.log("row 3 has no provenance");
 */
export function isValidRow(c: FlatUtf8, i: number): boolean {
  if (c.validity === null) return true;
  const bit = c.validityOffset + i;
  return (c.validity[bit >> 3]! & (1 << (bit & 7))) !== 0;
}

/**
 * Byte equality of row `i` of `a` and row `j` of `b` (nulls are the caller's business).
 *
 * @example
 * sameBytes(expectedProv, e, currentProv, c);
 */
export function sameBytes(a: FlatUtf8, i: number, b: FlatUtf8, j: number): boolean {
  const as = a.offsets[i]!;
  const len = a.offsets[i + 1]! - as;
  const bs = b.offsets[j]!;
  if (b.offsets[j + 1]! - bs !== len) return false;
  for (let k = 0; k < len; k++) if (a.values[as + k] !== b.values[bs + k]) return false;
  return true;
}
