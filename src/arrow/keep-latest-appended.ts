import { Type, type Vector } from "apache-arrow";
import type { Column, Kernels } from "../kernels/kernels.js";
import { validityOf } from "./bitmap.js";
import { asVector } from "./chunk.js";
import { lowerBoundInt64 } from "./int64-search.js";
import { chunksOf, isValidAt } from "./strings.js";

/** The appended tail may be at most this fraction of the rows; beyond it the kernel is as fast. */
const MAX_TAIL_SHARE = 0.25;

/**
 * `Kernels.keepLatest` for one Int64-valued id column (no nulls) whose rows ascend strictly up to
 * some row and are arbitrary after it — a table written in id order, then appended to (updated
 * samples). Only the appended tail goes through `keepLatest`; each of its winners then meets the one
 * earlier row with its id, found by bisection, and the greater `orderBy` wins (nulls lowest, a tie
 * to the later row), exactly as grouping all rows would decide. Null when the case does not apply
 * (another key shape, nothing appended, or a tail too long to be worth it).
 *
 * @example
 * const indices = keepLatestAppended(ids, orderBy, kernels.keepLatest) ?? kernels.keepLatest([ids], orderBy);
 */
export function keepLatestAppended(
  keys: Column,
  orderBy: Column,
  keepLatest: Kernels["keepLatest"],
): Int32Array | null {
  const n = keys.length;
  const orderId: number = orderBy.type.typeId;
  if (keys.nullCount > 0 || !int64Chunks(keys) || orderBy.length !== n) return null;
  if (orderId !== Type.Null && !int64Chunks(orderBy)) return null;
  const ids = words(keys);
  const prefix = ascendingPrefix(ids, n);
  if (prefix === n || n - prefix > n * MAX_TAIL_SHARE) return null;
  const keyVector = asVector(keys);
  const orderVector = asVector(orderBy);
  const tail = keepLatest([keyVector.slice(prefix)], orderVector.slice(prefix));
  const order = orderId === Type.Null ? null : orderWords(orderVector);
  const dropped = new Uint8Array(prefix);
  const kept = new Int32Array(tail.length);
  let k = 0;
  let droppedCount = 0;
  for (let w = 0; w < tail.length; w++) {
    const t = prefix + tail[w]!;
    const q = bisect(ids, prefix, ids[2 * t + 1]!, ids[2 * t]! >>> 0);
    if (q >= 0 && compareOrder(order, q, t) > 0) continue;
    if (q >= 0) {
      dropped[q] = 1;
      droppedCount++;
    }
    kept[k++] = t;
  }
  const out = new Int32Array(prefix - droppedCount + k);
  let o = 0;
  for (let i = 0; i < prefix; i++) if (dropped[i] === 0) out[o++] = i;
  out.set(kept.subarray(0, k), o);
  return out;
}

function int64Chunks(column: Column): boolean {
  const chunks = chunksOf(column);
  return (
    chunks.length > 0 && chunks.every((d) => (d.values as ArrayBufferView).constructor === BigInt64Array)
  );
}

/** The column's 64-bit values as (low, high) 32-bit word pairs, in one array. */
function words(column: Column): Int32Array {
  const chunks = chunksOf(column);
  const view = (d: (typeof chunks)[number]) => {
    const v = d.values as BigInt64Array;
    return new Int32Array(v.buffer, v.byteOffset, d.length * 2);
  };
  if (chunks.length === 1) return view(chunks[0]!);
  const out = new Int32Array(column.length * 2);
  let at = 0;
  for (const d of chunks) {
    out.set(view(d), at);
    at += d.length * 2;
  }
  return out;
}

/** Order values as word pairs plus validity (null rows order lowest). */
interface OrderWords {
  readonly words: Int32Array;
  readonly valid: Uint8Array | null;
}

function orderWords(order: Vector): OrderWords {
  let valid: Uint8Array | null = null;
  if (order.nullCount > 0) {
    valid = new Uint8Array(order.length);
    let row = 0;
    for (const d of order.data) {
      const bits = validityOf(d);
      for (let i = 0; i < d.length; i++)
        valid[row + i] = bits === null || isValidAt(bits, d.offset, i) ? 1 : 0;
      row += d.length;
    }
  }
  return { words: words(order), valid };
}

/** Sign of order(a) minus order(b), nulls lowest. */
function compareOrder(order: OrderWords | null, a: number, b: number): number {
  if (order === null) return 0;
  if (order.valid !== null) {
    const va = order.valid[a]!;
    const vb = order.valid[b]!;
    if (va === 0 || vb === 0) return va - vb;
  }
  const w = order.words;
  const ha = w[2 * a + 1]!;
  const hb = w[2 * b + 1]!;
  if (ha !== hb) return ha < hb ? -1 : 1;
  const la = w[2 * a]! >>> 0;
  const lb = w[2 * b]! >>> 0;
  return la === lb ? 0 : la < lb ? -1 : 1;
}

/** How many leading rows ascend strictly. */
function ascendingPrefix(ids: Int32Array, n: number): number {
  for (let i = 1; i < n; i++) {
    const h = ids[2 * i + 1]!;
    const ph = ids[2 * i - 1]!;
    if (h < ph || (h === ph && ids[2 * i]! >>> 0 <= ids[2 * i - 2]! >>> 0)) return i;
  }
  return n;
}

/** The row in [0, prefix) holding the id (hi, lo), or -1. */
function bisect(ids: Int32Array, prefix: number, hi: number, lo: number): number {
  const a = lowerBoundInt64(ids, prefix, hi, lo);
  return a < prefix && ids[2 * a + 1] === hi && ids[2 * a]! >>> 0 === lo ? a : -1;
}
