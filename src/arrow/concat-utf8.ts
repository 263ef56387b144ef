import { type Data, Utf8 } from "apache-arrow";
import { InvalidArgumentError } from "../errors.js";
import { getBit, newBitmap, setBit, validityOf } from "./bitmap.js";
import { makeChunk } from "./chunk.js";

/**
 * Several Utf8 chunks as one, exactly as gathering all their rows in order would give it (a null
 * row keeps no bytes): a null-free chunk is copied as one byte range with its offsets shifted,
 * a chunk with nulls row by row.
 *
 * @example
 * const one = concatUtf8(column.data);
 */
export function concatUtf8(chunks: readonly Data[]): Data<Utf8> {
  const n = chunks.reduce((t, d) => t + d.length, 0);
  const offsets = new Int32Array(n + 1);
  const anyNull = chunks.some((d) => validityOf(d) !== null);
  const validity = anyNull ? newBitmap(n) : null;
  let bound = 0;
  for (const d of chunks) {
    const o = d.valueOffsets as Int32Array;
    bound += o[d.length]! - o[0]!;
  }
  if (bound > 0x7fffffff) throw new InvalidArgumentError("arrow: take result exceeds 2 GiB of string data");
  const values = new Uint8Array(bound);
  let row = 0;
  let pos = 0;
  let nulls = 0;
  for (const d of chunks) {
    const o = d.valueOffsets as Int32Array;
    const src = d.values as Uint8Array;
    const bits = validityOf(d);
    if (bits === null) {
      const start = o[0]!;
      values.set(src.subarray(start, o[d.length]!), pos);
      const shift = pos - start;
      for (let i = 1; i <= d.length; i++) offsets[row + i] = o[i]! + shift;
      if (validity !== null) for (let i = 0; i < d.length; i++) setBit(validity, row + i);
      pos += o[d.length]! - start;
    } else {
      for (let i = 0; i < d.length; i++) {
        if (getBit(bits, d.offset + i)) {
          const from = o[i]!;
          const to = o[i + 1]!;
          values.set(src.subarray(from, to), pos);
          pos += to - from;
          setBit(validity!, row + i);
        } else nulls++;
        offsets[row + i + 1] = pos;
      }
    }
    row += d.length;
  }
  return makeChunk(new Utf8(), n, nulls, { offsets, values: values.subarray(0, pos), validity });
}
