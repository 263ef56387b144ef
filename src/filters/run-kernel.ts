import { type Data, Type } from "apache-arrow";
import type { ResolvedColumn } from "./resolve-column.js";

/**
 * Kleene truth values as bytes, ordered so that AND is min, OR is max and NOT is `2 - v`.
 *
 * @example
 * Math.min(TRUE, UNKNOWN); // UNKNOWN: TRUE AND NULL is NULL
 */
export const FALSE = 0;
/** NULL as a truth value (see {@link FALSE}). @example out.fill(UNKNOWN); */
export const UNKNOWN = 1;
/** TRUE as a truth value (see {@link FALSE}). @example out[i] = TRUE; */
export const TRUE = 2;

/**
 * Writes a truth byte for each row of one chunk into `out` from `at`, reading values only: the
 * driver overwrites null rows afterwards. Dictionary chunks are handled by the driver too.
 *
 * @example
 * const allTrue: RowKernel = (data, out, at) => out.fill(TRUE, at, at + data.length);
 */
export type RowKernel = (data: Data, out: Uint8Array, at: number) => void;

function overwriteNulls(data: Data, out: Uint8Array, at: number, nullValue: number): void {
  if (data.typeId === Type.Null || (data.length > 0 && data.nullCount === data.length)) {
    out.fill(nullValue, at, at + data.length);
    return;
  }
  const bitmap = data.nullBitmap;
  if (bitmap === undefined || bitmap.length === 0 || data.nullCount === 0) return;
  const offset = data.offset;
  for (let i = 0; i < data.length; i++) {
    const bit = offset + i;
    if ((bitmap[bit >> 3]! & (1 << (bit & 7))) === 0) out[at + i] = nullValue;
  }
}

function runChunk(data: Data, kernel: RowKernel, nullValue: number, out: Uint8Array, at: number): void {
  if (data.typeId === Type.Dictionary) {
    // Evaluate once per dictionary entry, then map through the indices.
    const dictionary = data.dictionary!;
    const perEntry = new Uint8Array(dictionary.length);
    let pos = 0;
    for (const d of dictionary.data) {
      runChunk(d, kernel, nullValue, perEntry, pos);
      pos += d.length;
    }
    const indices = data.values as ArrayLike<number> | BigInt64Array | BigUint64Array;
    if (indices instanceof BigInt64Array || indices instanceof BigUint64Array) {
      for (let i = 0; i < data.length; i++) out[at + i] = perEntry[Number(indices[i])]!;
    } else {
      for (let i = 0; i < data.length; i++) out[at + i] = perEntry[indices[i]!]!;
    }
  } else if (data.typeId !== Type.Null) {
    kernel(data, out, at);
  }
  overwriteNulls(data, out, at, nullValue);
}

/**
 * Runs a kernel over every chunk of a resolved column into `out` (one byte per table row). Rows that
 * are null — in the column, in a dictionary entry or in an enclosing struct — get `nullValue`.
 *
 * @example
 * runKernel(resolveColumn(table, "x"), kernel, UNKNOWN, out);
 */
export function runKernel(
  column: ResolvedColumn,
  kernel: RowKernel,
  nullValue: number,
  out: Uint8Array,
): void {
  let at = 0;
  for (const chunk of column.chunks) {
    runChunk(chunk.data, kernel, nullValue, out, at);
    for (const parent of chunk.ancestors) overwriteNulls(parent, out, at, nullValue);
    at += chunk.data.length;
  }
}
