import { type Data, Type } from "apache-arrow";
import type { Column } from "../kernels/kernels.js";
import { chunksOf, stringChunks } from "./strings.js";

/** Integer-valued types compared here by value (what key columns usually are). */
const INTEGERS: ReadonlySet<number> = new Set([
  Type.Int,
  Type.Date,
  Type.Time,
  Type.Timestamp,
  Type.Duration,
]);

/**
 * True when no key column has a null and every row's key tuple is strictly greater than the
 * previous row's (lexicographically; integers by value, strings by bytes) — so all tuples are
 * distinct and a keep-latest over them keeps every row. False for other column types, for a
 * null, or as soon as a row does not increase (the scan stops there).
 *
 * @example
 * strictlyAscending([table.getChild("sample_uid")!]); // true for ids written 0, 1, 2, …
 */
export function strictlyAscending(keys: readonly Column[]): boolean {
  if (keys.length === 0) return false;
  const n = keys[0]!.length;
  if (n <= 1) return keys.every((k) => k.nullCount === 0) && n === 1;
  if (keys.length === 1 && keys[0]!.nullCount === 0 && isInt64(keys[0]!))
    return cachedInt64Increasing(keys[0]!);
  // order[i] compares row i + 1 with row i in the columns seen so far: 1 greater, 0 tied.
  let order: Int8Array | null = null;
  for (const key of keys) {
    if (key.length !== n || key.nullCount !== 0) return false;
    const step = stepsOf(key, order);
    if (step === null) return false;
    order = step;
    if (order.every((c) => c === 1)) return true;
  }
  return false;
}

function isInt64(column: Column): boolean {
  return (
    INTEGERS.has(column.type.typeId) &&
    chunksOf(column).every((d) => (d.values as ArrayBufferView).constructor === BigInt64Array)
  );
}

/** Answers already found, by a column's chunks (keep-latest, joins and the increment ask in turn). */
const seen = new WeakMap<Data, { readonly chunks: readonly Data[]; readonly ascending: boolean }>();

function cachedInt64Increasing(column: Column): boolean {
  const chunks = chunksOf(column);
  if (chunks.length === 0) return true;
  const hit = seen.get(chunks[0]!);
  if (
    hit !== undefined &&
    hit.chunks.length === chunks.length &&
    hit.chunks.every((d, k) => d === chunks[k])
  ) {
    return hit.ascending;
  }
  const ascending = int64Increasing(column);
  seen.set(chunks[0]!, { chunks: [...chunks], ascending });
  return ascending;
}

/** The common single id column (Int64, Timestamp): a tight scan over (high, low) word pairs. */
function int64Increasing(column: Column): boolean {
  let prevHi = -0x80000000;
  let prevLo = -1;
  let first = true;
  for (const d of chunksOf(column)) {
    const v = d.values as BigInt64Array;
    const words = new Int32Array(v.buffer, v.byteOffset, d.length * 2);
    for (let i = 0; i < d.length; i++) {
      const hi = words[2 * i + 1]!;
      const lo = words[2 * i]! >>> 0;
      if (!first && (hi < prevHi || (hi === prevHi && lo <= prevLo))) return false;
      first = false;
      prevHi = hi;
      prevLo = lo;
    }
  }
  return true;
}

/**
 * Per adjacent pair, 1 when the pair is decided greater (by `earlier`, or here), 0 when still
 * tied; null when some pair still undecided before this column goes down here, or the type is not
 * comparable.
 */
function stepsOf(column: Column, earlier: Int8Array | null): Int8Array | null {
  const id: number = column.type.typeId;
  const chunks = chunksOf(column);
  if (INTEGERS.has(id)) return integerSteps(chunks, earlier);
  if (id === Type.Utf8 || id === Type.LargeUtf8) return stringSteps(column, earlier);
  return null;
}

function integerSteps(chunks: readonly Data[], earlier: Int8Array | null): Int8Array | null {
  const n = chunks.reduce((t, d) => t + d.length, 0);
  const out = new Int8Array(n - 1);
  const wide = chunks.some((d) => (d.values as ArrayBufferView).constructor === BigInt64Array);
  const unsigned = chunks.some((d) => (d.values as ArrayBufferView).constructor === BigUint64Array);
  let prevHi = 0;
  let prevLo = 0;
  let row = 0;
  for (const d of chunks) {
    const v = d.values as ArrayBufferView & ArrayLike<number>;
    // 64-bit values as (high, low) word pairs: no BigInt per row.
    const words = wide || unsigned ? new Int32Array(v.buffer, v.byteOffset, d.length * 2) : null;
    for (let i = 0; i < d.length; i++, row++) {
      let hi: number;
      let lo: number;
      if (words === null) {
        hi = v[i]!;
        lo = 0;
      } else {
        hi = unsigned ? words[2 * i + 1]! >>> 0 : words[2 * i + 1]!;
        lo = words[2 * i]! >>> 0;
      }
      if (row > 0) {
        const c = hi > prevHi || (hi === prevHi && lo > prevLo) ? 1 : hi === prevHi && lo === prevLo ? 0 : -1;
        const p = row - 1;
        if (earlier !== null && earlier[p] === 1) out[p] = 1;
        else if (c < 0) return null;
        else out[p] = c;
      }
      prevHi = hi;
      prevLo = lo;
    }
  }
  return out;
}

function stringSteps(column: Column, earlier: Int8Array | null): Int8Array | null {
  const chunks = stringChunks(column);
  const n = chunks.reduce((t, c) => t + c.length, 0);
  const out = new Int8Array(n - 1);
  let prev: Uint8Array = new Uint8Array(0);
  let prevStart = 0;
  let prevLen = 0;
  let row = 0;
  for (const c of chunks) {
    const offsets = c.offsets instanceof BigInt64Array ? Float64Array.from(c.offsets, Number) : c.offsets;
    const bytes = c.values;
    for (let i = 0; i < c.length; i++, row++) {
      const start = offsets[i]!;
      const len = offsets[i + 1]! - start;
      if (row > 0) {
        const p = row - 1;
        if (earlier !== null && earlier[p] === 1) out[p] = 1;
        else {
          const cmp = compareBytes(bytes, start, len, prev, prevStart, prevLen);
          if (cmp < 0) return null;
          out[p] = cmp;
        }
      }
      prev = bytes;
      prevStart = start;
      prevLen = len;
    }
  }
  return out;
}

function compareBytes(a: Uint8Array, as: number, al: number, b: Uint8Array, bs: number, bl: number): number {
  const k = Math.min(al, bl);
  for (let j = 0; j < k; j++) {
    const x = a[as + j]!;
    const y = b[bs + j]!;
    if (x !== y) return x > y ? 1 : -1;
  }
  return al > bl ? 1 : al === bl ? 0 : -1;
}
