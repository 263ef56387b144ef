import type { Data } from "apache-arrow";
import { validityOf } from "./bitmap.js";
import { bytesEqual } from "./bytes-equal.js";
import { firstKeyIndex, keySequence } from "./map-key-sequence.js";
import { isValidAt, stringChunks } from "./strings.js";

/** A map chunk's string keys with offsets as plain numbers (LargeUtf8 offsets converted once). */
interface Keys {
  readonly offsets: Int32Array | Float64Array;
  readonly values: Uint8Array;
}

/**
 * For each requested key, the position in the map's entries child of that key's entry on every row
 * of one Map chunk (string keys); -1 where the map row is null or has no such key. When a row holds
 * a key twice, its first entry wins. Key validity is not consulted (Map keys are never null).
 *
 * Metaxy writes every row's keys in the same order, so the work is done once per distinct key
 * sequence: a chunk whose rows all repeat one ({@link keySequence}) is answered by arithmetic; in
 * other chunks a row reuses the previous row's positions while its key sequence repeats and is
 * scanned only when it changes.
 *
 * @example
 * const [audio, frames] = mapKeyPositions(mapChunk, [utf8("audio"), utf8("frames")]);
 */
export function mapKeyPositions(map: Data, keys: readonly Uint8Array[]): Int32Array[] {
  const n = map.length;
  const offsets = map.valueOffsets as Int32Array;
  const bits = validityOf(map);
  const seq = n > 0 ? keySequence(map) : null;
  if (seq !== null) {
    return keys.map((key) => {
      const k = firstKeyIndex(seq, key);
      const positions = new Int32Array(n);
      if (k < 0) return positions.fill(-1);
      const perRow = seq.perRow;
      for (let i = 0, at = offsets[0]! + k; i < n; i++, at += perRow) positions[i] = at;
      if (bits !== null) for (let i = 0; i < n; i++) if (!isValidAt(bits, map.offset, i)) positions[i] = -1;
      return positions;
    });
  }
  const out = keys.map(() => new Int32Array(n).fill(-1));
  if (n === 0 || keys.length === 0) return out;
  const entryKeys = keyBuffers(map.children[0]!.children[0]!);
  const rel = new Int32Array(keys.length);
  let template = -1;
  for (let i = 0; i < n; i++) {
    if (bits !== null && !isValidAt(bits, map.offset, i)) continue;
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    if (template < 0 || !sameSequence(entryKeys, start, end, offsets[template]!, offsets[template + 1]!)) {
      keys.forEach((key, k) => {
        const j = firstMatch(entryKeys, start, end, key);
        rel[k] = j < 0 ? -1 : j - start;
      });
      template = i;
    }
    for (let k = 0; k < keys.length; k++) if (rel[k]! >= 0) out[k]![i] = start + rel[k]!;
  }
  return out;
}

function keyBuffers(keyData: Data): Keys {
  const chunk = stringChunks(keyData)[0]!;
  const offsets =
    chunk.offsets instanceof BigInt64Array ? Float64Array.from(chunk.offsets, Number) : chunk.offsets;
  return { offsets, values: chunk.values };
}

/** Whether entries [start, end) carry the same keys, in order, as entries [tStart, tEnd). */
function sameSequence(keys: Keys, start: number, end: number, tStart: number, tEnd: number): boolean {
  if (end - start !== tEnd - tStart) return false;
  const ko = keys.offsets;
  const s0 = ko[start]!;
  const t0 = ko[tStart]!;
  for (let m = 1; m <= end - start; m++) if (ko[start + m]! - s0 !== ko[tStart + m]! - t0) return false;
  return bytesEqual(keys.values, s0, keys.values, t0, ko[end]! - s0);
}

/** The first entry in [start, end) whose key is `key`, or -1. */
function firstMatch(keys: Keys, start: number, end: number, key: Uint8Array): number {
  const ko = keys.offsets;
  for (let j = start; j < end; j++) {
    const at = ko[j]!;
    if (ko[j + 1]! - at === key.length && bytesEqual(keys.values, at, key, 0, key.length)) return j;
  }
  return -1;
}
