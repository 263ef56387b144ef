import { stringChunks } from "../arrow/strings.js";
import type { Bound } from "./coerce-literal.js";
import { FALSE, type RowKernel, TRUE, UNKNOWN } from "./run-kernel.js";

/** FNV-1a over a byte range, as a signed 32-bit integer. */
function fnv(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h;
}

function sameBytes(bytes: Uint8Array, start: number, end: number, literal: Uint8Array): boolean {
  if (end - start !== literal.length) return false;
  for (let j = 0; j < literal.length; j++) if (bytes[start + j] !== literal[j]) return false;
  return true;
}

/** An open-addressing set of byte strings, probed with a row's bytes in place (no string decoding). */
function byteSet(
  literals: readonly Uint8Array[],
): (bytes: Uint8Array, start: number, end: number) => boolean {
  let size = 8;
  while (size < literals.length * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const hashes = literals.map((l) => fnv(l, 0, l.length));
  literals.forEach((_l, k) => {
    let i = hashes[k]! & mask;
    while (slots[i] !== -1) i = (i + 1) & mask;
    slots[i] = k;
  });
  return (bytes, start, end) => {
    const h = fnv(bytes, start, end);
    for (let i = h & mask, j = slots[i]!; j !== -1; i = (i + 1) & mask, j = slots[i]!) {
      if (hashes[j] === h && sameBytes(bytes, start, end, literals[j]!)) return true;
    }
    return false;
  };
}

/**
 * A kernel for `column [NOT] IN (list)` over literals already converted to the column's domain
 * (`inexact` ones, which no row can equal, dropped). SQL semantics: a row matching no entry is
 * UNKNOWN rather than FALSE when the list holds a NULL; NOT IN negates that.
 *
 * @example
 * runKernel(column, inKernel(bounds, false, false), UNKNOWN, out);
 */
export function inKernel(bounds: readonly Bound[], listHasNull: boolean, negated: boolean): RowKernel {
  const hit = negated ? FALSE : TRUE;
  const miss = listHasNull ? UNKNOWN : negated ? TRUE : FALSE;
  const numbers = new Set<number>();
  const bigints = new Set<bigint>();
  const strings: Uint8Array[] = [];
  const bools = new Set<number>();
  for (const b of bounds) {
    if (b.kind === "number" && b.exact) numbers.add(b.value);
    else if (b.kind === "int64" && b.exact) {
      if (b.value >= BigInt(Number.MIN_SAFE_INTEGER) && b.value <= BigInt(Number.MAX_SAFE_INTEGER)) {
        numbers.add(Number(b.value));
      } else bigints.add(b.value);
    } else if (b.kind === "bytes") strings.push(b.value);
    else if (b.kind === "bool") bools.add(b.value);
  }
  const hasBytes = byteSet(strings);
  const small = numbers.size <= 8 ? Float64Array.from(numbers) : null;
  return (data, out, at) => {
    const values = data.values;
    if (strings.length > 0) {
      const chunk = stringChunks(data)[0]!;
      const offsets =
        chunk.offsets instanceof BigInt64Array ? Float64Array.from(chunk.offsets, Number) : chunk.offsets;
      for (let i = 0; i < chunk.length; i++) {
        const s = offsets[i]!;
        const e = offsets[i + 1]!;
        out[at + i] = hasBytes(chunk.values, s, e) ? hit : miss;
      }
    } else if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
      // High word within ±2^21 means the value is a safe integer, readable without a BigInt.
      const lo = new Uint32Array(values.buffer, values.byteOffset, data.length * 2);
      const hi =
        values instanceof BigInt64Array
          ? new Int32Array(values.buffer, values.byteOffset, data.length * 2)
          : lo;
      for (let i = 0; i < data.length; i++) {
        const h = hi[2 * i + 1]!;
        const found =
          h >= -0x200000 && h < 0x200000 ? numbers.has(h * 4294967296 + lo[2 * i]!) : bigints.has(values[i]!);
        out[at + i] = found ? hit : miss;
      }
    } else if (bools.size > 0) {
      const bits = values as Uint8Array;
      for (let i = 0; i < data.length; i++) {
        const bit = data.offset + i;
        out[at + i] = bools.has((bits[bit >> 3]! >> (bit & 7)) & 1) ? hit : miss;
      }
    } else if (small !== null && small.length > 0) {
      // A short list is faster to scan than to hash.
      const v = values as ArrayLike<number>;
      for (let i = 0; i < data.length; i++) {
        const x = v[i]!;
        let found = false;
        for (let j = 0; j < small.length && !found; j++) found = small[j] === x;
        out[at + i] = found ? hit : miss;
      }
    } else if (numbers.size > 0) {
      const v = values as ArrayLike<number>;
      for (let i = 0; i < data.length; i++) out[at + i] = numbers.has(v[i]!) ? hit : miss;
    } else {
      out.fill(miss, at, at + data.length);
    }
  };
}
