import type { FlatColumn } from "./columns.js";

/**
 * Typed three-way comparison of rows `i` and `j` of one column: nulls first, integers by value,
 * strings by unsigned bytes (a prefix sorts first).
 *
 * @example
 * compareRows(flatColumn(ts, "order"), 0, 1); // < 0 when row 0 sorts before row 1
 */
export function compareRows(col: FlatColumn, i: number, j: number): number {
  const valid = col.valid;
  if (valid !== null) {
    const vi = valid[i]!;
    const vj = valid[j]!;
    if (vi === 0 || vj === 0) return vi - vj;
  }
  if (col.kind === "int") {
    const w = col.words;
    let a = w[2 * i + 1]!;
    let b = w[2 * j + 1]!;
    if (col.unsigned64) {
      a >>>= 0;
      b >>>= 0;
    }
    if (a !== b) return a < b ? -1 : 1;
    const x = w[2 * i]! >>> 0;
    const y = w[2 * j]! >>> 0;
    return x === y ? 0 : x < y ? -1 : 1;
  }
  const { offsets, values } = col;
  let p = offsets[i]!;
  const pe = offsets[i + 1]!;
  let q = offsets[j]!;
  const qe = offsets[j + 1]!;
  for (; p < pe && q < qe; p++, q++) {
    const d = values[p]! - values[q]!;
    if (d !== 0) return d;
  }
  return pe - p - (qe - q);
}
