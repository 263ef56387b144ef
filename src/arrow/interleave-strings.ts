import { InvalidArgumentError } from "../errors.js";
import { newBitmap, setBit } from "./bitmap.js";
import { isValidAt, type StringChunk } from "./strings.js";

/**
 * The interleaved entries of {@link interleaveStrings}: `offsets[i]..offsets[i + 1]` are row i's
 * entries (none for a null row), entry e's bytes are `values[valueOffsets[e], valueOffsets[e + 1])`,
 * `validity` (null when no entry is null) marks its null entries.
 *
 * @example
 * const { offsets, valueOffsets, values, nulls } = interleaveStrings(chunks, n, null);
 */
export interface Interleaved {
  readonly rows: number;
  readonly offsets: Int32Array;
  readonly valueOffsets: Int32Array;
  readonly values: Uint8Array;
  readonly validity: Uint8Array | null;
  readonly nulls: number;
}

/** Strings longer than this are copied with one `set`; shorter ones (hashes) by 32-bit words. */
const LONG_VALUE = 64;

/**
 * Row-major interleave of K string chunks of `n` rows: row i (unless `validity`, from bit 0, marks
 * it null) gets one entry per source, source j's row i as entry j; a null string stays an entry
 * with no bytes. Offsets are computed first, then each source is copied in one pass (short strings
 * by 32-bit words through DataViews), so the hot loop never switches between sources.
 *
 * @example
 * interleaveStrings(stringChunks(oneChunk(a)).concat(stringChunks(oneChunk(b))), a.length, null);
 */
export function interleaveStrings(
  sources: readonly StringChunk[],
  n: number,
  validity: Uint8Array | null,
): Interleaved {
  const width = sources.length;
  const offs = sources.map((s) =>
    s.offsets instanceof BigInt64Array ? Float64Array.from(s.offsets, Number) : s.offsets,
  );
  const offsets = new Int32Array(n + 1);
  let rows = 0;
  for (let i = 0; i < n; i++) {
    if (validity === null || (validity[i >> 3]! & (1 << (i & 7))) !== 0) rows++;
    offsets[i + 1] = rows * width;
  }
  const total = rows * width;
  const valueOffsets = new Int32Array(total + 1);
  const anyNull = sources.some((s) => s.validity !== null);
  let pos = 0;
  for (let i = 0, e = 0; i < n; i++) {
    if (offsets[i + 1] === offsets[i]) continue;
    for (let j = 0; j < width; j++) {
      const s = sources[j]!;
      if (!anyNull || isValidAt(s.validity, s.validityOffset, i)) {
        const o = offs[j]!;
        pos += o[i + 1]! - o[i]!;
      }
      valueOffsets[++e] = pos;
    }
  }
  if (pos > 0x7fffffff) throw new InvalidArgumentError(`arrow: map values exceed 2 GiB (${pos} bytes)`);
  const values = new Uint8Array(pos);
  const out = new DataView(values.buffer);
  const bits = anyNull ? newBitmap(total) : null;
  let nulls = 0;
  for (let j = 0; j < width; j++) {
    const s = sources[j]!;
    const o = offs[j]!;
    const src = s.values;
    const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
    for (let i = 0, e = j; i < n; i++) {
      if (offsets[i + 1] === offsets[i]) continue;
      if (bits !== null) {
        if (isValidAt(s.validity, s.validityOffset, i)) setBit(bits, e);
        else nulls++;
      }
      const to = valueOffsets[e]!;
      const len = valueOffsets[e + 1]! - to;
      const from = o[i]!;
      if (len > LONG_VALUE) values.set(src.subarray(from, from + len), to);
      else {
        let b = 0;
        for (; b + 4 <= len; b += 4) out.setInt32(to + b, view.getInt32(from + b));
        for (; b < len; b++) values[to + b] = src[from + b]!;
      }
      e += width;
    }
  }
  return { rows, offsets, valueOffsets, values, validity: bits, nulls };
}
