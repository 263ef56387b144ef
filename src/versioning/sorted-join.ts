import { Type } from "apache-arrow";
import { strictlyAscending } from "../arrow/strictly-ascending.js";
import { chunksOf } from "../arrow/strings.js";
import type { Column, JoinKind, JoinResult } from "../kernels/kernels.js";
import { type FlatUtf8, flatUtf8 } from "./flat-utf8.js";

/** One key column flattened for merging: 64-bit integers as word pairs, or strings as bytes. */
type Flat =
  | { readonly kind: "int64"; readonly hi: Int32Array; readonly lo: Uint32Array }
  | { readonly kind: "string"; readonly strings: FlatUtf8 };

/**
 * `Kernels.join` for the common case of one key column per side whose keys are unique and
 * ascending on both sides (ids as Metaxy writes and joins them): a linear merge instead of a hash
 * join, with the kernels' exact output order. Null when the case does not apply (several key
 * columns, a null key, keys not strictly ascending, or key types other than signed 64-bit
 * integers / timestamps on both sides or strings on both sides): the caller then runs the kernel.
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
  if (lk === null || lk !== keyKind(r)) return null;
  if ((l.length > 1 && !strictlyAscending([l])) || (r.length > 1 && !strictlyAscending([r]))) return null;
  if (l.nullCount > 0 || r.nullCount > 0) return null;
  return merge(flatten(l, lk), flatten(r, lk), l.length, r.length, kind);
}

function keyKind(column: Column): "int64" | "string" | null {
  const id: number = column.type.typeId;
  if (id === Type.Utf8 || id === Type.LargeUtf8) return "string";
  const int64 =
    (id === Type.Int || id === Type.Timestamp || id === Type.Duration) &&
    chunksOf(column).every((d) => (d.values as ArrayBufferView).constructor === BigInt64Array);
  return int64 ? "int64" : null;
}

function flatten(column: Column, kind: "int64" | "string"): Flat {
  if (kind === "string") return { kind, strings: flatUtf8(column, "join key") };
  const n = column.length;
  const hi = new Int32Array(n);
  const lo = new Uint32Array(n);
  let row = 0;
  for (const d of chunksOf(column)) {
    const v = d.values as BigInt64Array;
    const words = new Int32Array(v.buffer, v.byteOffset, d.length * 2);
    for (let i = 0; i < d.length; i++, row++) {
      lo[row] = words[2 * i]! >>> 0;
      hi[row] = words[2 * i + 1]!;
    }
  }
  return { kind, hi, lo };
}

/** Sign of left row i minus right row j. */
function compareRows(a: Flat, i: number, b: Flat, j: number): number {
  if (a.kind === "int64" && b.kind === "int64") {
    const x = a.hi[i]!;
    const y = b.hi[j]!;
    if (x !== y) return x < y ? -1 : 1;
    const p = a.lo[i]!;
    const q = b.lo[j]!;
    return p === q ? 0 : p < q ? -1 : 1;
  }
  const s = (a as { strings: FlatUtf8 }).strings;
  const t = (b as { strings: FlatUtf8 }).strings;
  const as = s.offsets[i]!;
  const al = s.offsets[i + 1]! - as;
  const bs = t.offsets[j]!;
  const bl = t.offsets[j + 1]! - bs;
  const k = Math.min(al, bl);
  for (let m = 0; m < k; m++) {
    const x = s.values[as + m]!;
    const y = t.values[bs + m]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return al === bl ? 0 : al < bl ? -1 : 1;
}

function merge(a: Flat, b: Flat, n: number, m: number, kind: JoinKind): JoinResult {
  const keepsLeft = kind === "left" || kind === "full";
  const capacity = kind === "full" ? n + m : kind === "inner" ? Math.min(n, m) : n;
  const left = new Int32Array(capacity);
  const right = new Int32Array(kind === "anti" || kind === "semi" ? 0 : capacity);
  const matched = kind === "full" ? new Uint8Array(m) : null;
  let out = 0;
  let j = 0;
  for (let i = 0; i < n; i++) {
    let c = 1;
    while (j < m && (c = compareRows(a, i, b, j)) > 0) j++;
    const hit = j < m && c === 0;
    if (kind === "anti" || kind === "semi") {
      if (hit === (kind === "semi")) left[out++] = i;
      continue;
    }
    if (hit || keepsLeft) {
      left[out] = i;
      right[out++] = hit ? j : -1;
      if (hit && matched !== null) matched[j] = 1;
    }
  }
  if (matched !== null) {
    for (let k = 0; k < m; k++) {
      if (matched[k] === 1) continue;
      left[out] = -1;
      right[out++] = k;
    }
  }
  return { left: left.slice(0, out), right: right.slice(0, kind === "anti" || kind === "semi" ? 0 : out) };
}
