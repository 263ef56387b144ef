import { type Data, Utf8 } from "apache-arrow";
import { makeChunk } from "./chunk.js";
import type { KeySequence } from "./map-key-sequence.js";

const encoder = new TextEncoder();

/**
 * The key sequence of string keys, as a {@link KeySequence}.
 *
 * @example
 * keySequenceOf(["audio", "frames"]); // { perRow: 2, offsets: [0, 5, 11], bytes: "audioframes" }
 */
export function keySequenceOf(keys: readonly string[]): KeySequence {
  const parts = keys.map((k) => encoder.encode(k));
  const offsets = new Int32Array(keys.length + 1);
  parts.forEach((b, k) => {
    offsets[k + 1] = offsets[k]! + b.length;
  });
  const bytes = new Uint8Array(offsets[keys.length]!);
  parts.forEach((b, k) => {
    bytes.set(b, offsets[k]!);
  });
  return { perRow: keys.length, offsets, bytes };
}

/**
 * The keys child of a Map chunk whose `rows` rows all hold `seq`: one Utf8 chunk of
 * `rows × seq.perRow` keys, its bytes copied by doubling rather than key by key.
 *
 * @example
 * repeatKeys(keySequenceOf(["a", "b"]), 2); // "a", "b", "a", "b"
 */
export function repeatKeys(seq: KeySequence, rows: number): Data<Utf8> {
  const width = seq.perRow;
  const rowBytes = seq.bytes.length;
  const values = new Uint8Array(rows * rowBytes);
  const offsets = new Int32Array(rows * width + 1);
  if (rows > 0) {
    values.set(seq.bytes, 0);
    for (let filled = rowBytes; filled < values.length; filled *= 2) {
      values.copyWithin(filled, 0, Math.min(filled, values.length - filled));
    }
    offsets.set(seq.offsets, 0);
    for (let r = 1, e = width; r < rows; r++, e += width) {
      const shift = r * rowBytes;
      for (let k = 1; k <= width; k++) offsets[e + k] = shift + seq.offsets[k]!;
    }
  }
  return makeChunk(new Utf8(), rows * width, 0, { offsets, values });
}
