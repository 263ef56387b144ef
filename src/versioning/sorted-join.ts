import { Type } from "apache-arrow";
import { below, lowerBoundInt64 } from "../arrow/int64-search.js";
import { strictlyAscending } from "../arrow/strictly-ascending.js";
import { chunksOf } from "../arrow/strings.js";
import type { Column, JoinKind, JoinResult } from "../kernels/kernels.js";
import { type FlatUtf8, flatUtf8 } from "./flat-utf8.js";

/** How far a probe steps forward from the previous match before it bisects. */
const GALLOP = 8;

/**
 * `Kernels.join` for the common case of one key column per side whose right keys are unique and
 * ascending (ids as Metaxy writes them): each left row finds its only possible match by stepping on
 * from the previous one — or, for integer keys out of order, by an interpolated search — instead
 * of through a hash table, and the pairs come out in the kernels' exact order. Null when the case
 * does not apply (several key columns, a null key, right keys not strictly ascending, string left
 * keys not strictly ascending, key types other than signed 64-bit integers / timestamps on both
 * sides or strings on both sides): the caller then runs the kernel.
 *
 * @example
 * const pairs = sortedJoin([expId], [curId], "full") ?? kernels.join([expId], [curId], "full");
 */
export function sortedJoin(
  leftKeys: readonly Column[],
  rightKeys: readonly Column[],
  kind: JoinKind,
): JoinResult | null {
  if (leftKeys.length !== 1 || rightKeys.length !== 1) return null;
  const l = leftKeys[0]!;
  const r = rightKeys[0]!;
  const lk = keyKind(l);
  if (lk === null || lk !== keyKind(r) || l.nullCount > 0 || r.nullCount > 0) return null;
  // Right keys must be unique and ascending for the search. Integer left keys may come in any
  // order (an interpolated search finds a stray key in a few cache lines); string left keys must
  // ascend too, since bisecting strings for a shuffled left side costs more than the kernel.
  if (r.length > 1 && !strictlyAscending([r])) return null;
  if (lk === "string" && l.length > 1 && !strictlyAscending([l])) return null;
  const match = lk === "int64" ? matchInt64(words(l), words(r)) : matchStrings(strings(l), strings(r));
  return pairs(match, r.length, kind);
}

function keyKind(column: Column): "int64" | "string" | null {
  const id: number = column.type.typeId;
  if (id === Type.Utf8 || id === Type.LargeUtf8) return "string";
  const int64 =
    (id === Type.Int || id === Type.Timestamp || id === Type.Duration) &&
    chunksOf(column).every((d) => (d.values as ArrayBufferView).constructor === BigInt64Array);
  return int64 ? "int64" : null;
}

/** 64-bit values as (low, high) 32-bit word pairs: a view of a single chunk, else one copy. */
function words(column: Column): Int32Array {
  const chunks = chunksOf(column);
  const view = (v: BigInt64Array, n: number) => new Int32Array(v.buffer, v.byteOffset, n * 2);
  if (chunks.length === 1) return view(chunks[0]!.values as BigInt64Array, chunks[0]!.length);
  const out = new Int32Array(column.length * 2);
  let at = 0;
  for (const d of chunks) {
    out.set(view(d.values as BigInt64Array, d.length), at);
    at += d.length * 2;
  }
  return out;
}

function strings(column: Column): FlatUtf8 {
  return flatUtf8(column, "join key");
}

/** Per left row, the right row with the same key or -1 (right keys unique and ascending). */
function matchInt64(a: Int32Array, b: Int32Array): Int32Array {
  const n = a.length >> 1;
  const m = b.length >> 1;
  const out = new Int32Array(n);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const hi = a[2 * i + 1]!;
    const lo = a[2 * i]! >>> 0;
    // Step on from the previous answer while the keys ascend; search afresh when they jump.
    if (j > 0 && !below(b, j - 1, hi, lo)) j = lowerBoundInt64(b, m, hi, lo);
    else {
      const stop = Math.min(m, j + GALLOP);
      while (j < stop && below(b, j, hi, lo)) j++;
      if (j === stop && j < m && below(b, j, hi, lo)) j = lowerBoundInt64(b, m, hi, lo);
    }
    out[i] = j < m && b[2 * j + 1] === hi && b[2 * j]! >>> 0 === lo ? j : -1;
  }
  return out;
}

function matchStrings(a: FlatUtf8, b: FlatUtf8): Int32Array {
  const n = a.offsets.length - 1;
  const m = b.offsets.length - 1;
  const out = new Int32Array(n);
  let s = 0;
  let len = 0;
  const cmp = (k: number) => {
    const t = b.offsets[k]!;
    const tl = b.offsets[k + 1]! - t;
    const common = Math.min(len, tl);
    for (let x = 0; x < common; x++) {
      const p = b.values[t + x]!;
      const q = a.values[s + x]!;
      if (p !== q) return p < q ? -1 : 1;
    }
    return tl === len ? 0 : tl < len ? -1 : 1;
  };
  let j = 0;
  for (let i = 0; i < n; i++) {
    s = a.offsets[i]!;
    len = a.offsets[i + 1]! - s;
    j = seek(j, m, cmp);
    out[i] = j < m && cmp(j) === 0 ? j : -1;
  }
  return out;
}

/**
 * The first right row not below the key (`cmp(k)`: sign of right row k minus the key), searched
 * from `from`, the previous answer: a few steps forward cover keys that ascend on both sides, a
 * bisection anything else.
 */
function seek(from: number, m: number, cmp: (k: number) => number): number {
  const start = Math.min(from, m);
  if (start === m || cmp(start) >= 0) {
    if (start === 0 || cmp(start - 1) < 0) return start;
    return bisect(0, start, cmp);
  }
  for (let k = start + 1; k < Math.min(m, start + GALLOP); k++) if (cmp(k) >= 0) return k;
  return bisect(Math.min(m, start + GALLOP), m, cmp);
}

/** The first k in [lo, hi) with cmp(k) >= 0, or hi. */
function bisect(lo: number, hi: number, cmp: (k: number) => number): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (cmp(mid) < 0) a = mid + 1;
    else b = mid;
  }
  return a;
}

/** The join's pairs from each left row's match, in the kernels' order. */
function pairs(match: Int32Array, m: number, kind: JoinKind): JoinResult {
  const n = match.length;
  if (kind === "semi" || kind === "anti") {
    const left = new Int32Array(n);
    let out = 0;
    for (let i = 0; i < n; i++) if (match[i]! >= 0 === (kind === "semi")) left[out++] = i;
    return { left: left.subarray(0, out), right: new Int32Array(0) };
  }
  const keepAll = kind === "left" || kind === "full";
  const capacity = kind === "full" ? n + m : n;
  const left = new Int32Array(capacity);
  const right = new Int32Array(capacity);
  const matched = kind === "full" ? new Uint8Array(m) : null;
  let out = 0;
  for (let i = 0; i < n; i++) {
    const j = match[i]!;
    if (j < 0 && !keepAll) continue;
    left[out] = i;
    right[out++] = j;
    if (j >= 0 && matched !== null) matched[j] = 1;
  }
  if (matched !== null) {
    for (let k = 0; k < m; k++) {
      if (matched[k] === 1) continue;
      left[out] = -1;
      right[out++] = k;
    }
  }
  return { left: left.subarray(0, out), right: right.subarray(0, out) };
}
