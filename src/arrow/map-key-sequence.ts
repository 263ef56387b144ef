import type { Data } from "apache-arrow";
import { bytesEqual } from "./bytes-equal.js";
import { stringChunks } from "./strings.js";

/**
 * The keys every row of a Map chunk holds, in order: `perRow` entries whose key bytes are
 * `bytes[offsets[k], offsets[k + 1])`.
 *
 * @example
 * const seq = keySequence(mapChunk); // { perRow: 2, offsets: [0, 5, 11], bytes: "audioframes" }
 */
export interface KeySequence {
  readonly perRow: number;
  readonly offsets: Int32Array;
  readonly bytes: Uint8Array;
}

const known = new WeakMap<Data, KeySequence | null>();

/**
 * The key sequence shared by every row of a Map chunk with string keys — null rows included, each
 * row's entries right after the previous row's — or null when rows differ (or there are none).
 * Metaxy writes its `*_by_field` maps this way; lookups and gathers then work per key sequence
 * instead of per entry. Computed once per chunk (a few linear checks and a memcmp), then cached.
 *
 * @example
 * if (keySequence(chunk) !== null) console.log("every row has the same keys");
 */
export function keySequence(map: Data): KeySequence | null {
  let seq = known.get(map);
  if (seq === undefined) {
    seq = detect(map);
    known.set(map, seq);
  }
  return seq;
}

/**
 * Records the key sequence of a Map chunk its builder knows to be uniform (every row, no null
 * rows), so later lookups and gathers skip the check.
 *
 * @example
 * rememberKeySequence(built, keySequence(source)!);
 */
export function rememberKeySequence(map: Data, seq: KeySequence): void {
  known.set(map, seq);
}

/**
 * The entry (0-based within a row) that holds `key` first, or -1.
 *
 * @example
 * firstKeyIndex(seq, new TextEncoder().encode("frames")); // 1
 */
export function firstKeyIndex(seq: KeySequence, key: Uint8Array): number {
  for (let k = 0; k < seq.perRow; k++) {
    const at = seq.offsets[k]!;
    if (seq.offsets[k + 1]! - at === key.length && bytesEqual(seq.bytes, at, key, 0, key.length)) return k;
  }
  return -1;
}

/**
 * Whether two key sequences hold the same keys in the same order.
 *
 * @example
 * sameKeySequence(keySequence(a)!, keySequence(b)!);
 */
export function sameKeySequence(a: KeySequence, b: KeySequence): boolean {
  if (a === b) return true;
  if (a.perRow !== b.perRow || a.bytes.length !== b.bytes.length) return false;
  for (let k = 0; k <= a.perRow; k++) if (a.offsets[k] !== b.offsets[k]) return false;
  return bytesEqual(a.bytes, 0, b.bytes, 0, a.bytes.length);
}

function detect(map: Data): KeySequence | null {
  const n = map.length;
  const offsets = map.valueOffsets as Int32Array;
  if (n === 0) return null;
  const base = offsets[0]!;
  const perRow = offsets[1]! - base;
  if (perRow === 0) return null;
  for (let i = 1; i <= n; i++) if (offsets[i] !== base + i * perRow) return null;
  const chunk = stringChunks(map.children[0]!.children[0]!)[0]!;
  const ko =
    chunk.offsets instanceof BigInt64Array ? Float64Array.from(chunk.offsets, Number) : chunk.offsets;
  const from = ko[base]!;
  const rowBytes = ko[base + perRow]! - from;
  const last = base + (n - 1) * perRow;
  for (let e = base; e <= last; e++) if (ko[e + perRow]! - ko[e]! !== rowBytes) return null;
  if (!bytesEqual(chunk.values, from + rowBytes, chunk.values, from, (n - 1) * rowBytes)) return null;
  const keyOffsets = new Int32Array(perRow + 1);
  for (let k = 1; k <= perRow; k++) keyOffsets[k] = ko[base + k]! - from;
  return { perRow, offsets: keyOffsets, bytes: chunk.values.slice(from, from + rowBytes) };
}
