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
  const anyNull = sources.some((s) => s.validity !== null);
  if (validity === null && !anyNull && width > 0) {
    const fixed = interleaveFixed(sources, offs, n);
    if (fixed !== null) return { rows, offsets, ...fixed, validity: null, nulls: 0 };
  }
  const valueOffsets = new Int32Array(total + 1);
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

/**
 * Every source fixed-width (as truncated hashes are) and nothing null: entry offsets are
 * arithmetic and, when every width is a multiple of 4 and the sources are 4-byte aligned, each
 * value is copied as whole 32-bit words. Null when the sources do not qualify.
 */
function interleaveFixed(
  sources: readonly StringChunk[],
  offs: readonly (Int32Array | Float64Array)[],
  n: number,
): { valueOffsets: Int32Array; values: Uint8Array } | null {
  const widths: number[] = [];
  for (const o of offs) {
    const w = n === 0 ? 0 : o[1]! - o[0]!;
    for (let i = 2; i <= n; i++) if (o[i]! - o[i - 1]! !== w) return null;
    widths.push(w);
  }
  const rowBytes = widths.reduce((t, w) => t + w, 0);
  if (rowBytes * n > 0x7fffffff) return null;
  const width = sources.length;
  const valueOffsets = new Int32Array(n * width + 1);
  const starts = [0];
  for (const w of widths) starts.push(starts[starts.length - 1]! + w);
  for (let i = 0, e = 1; i < n; i++) {
    const at = i * rowBytes;
    for (let j = 1; j <= width; j++, e++) valueOffsets[e] = at + starts[j]!;
  }
  const values = new Uint8Array(rowBytes * n);
  const words =
    rowBytes % 4 === 0 &&
    widths.every((w) => w % 4 === 0) &&
    sources.every((s, j) => (s.values.byteOffset + offs[j]![0]!) % 4 === 0);
  sources.forEach((s, j) => {
    const w = widths[j]!;
    const from = offs[j]![0]!;
    if (w === 0) return;
    if (words) {
      const out = new Int32Array(values.buffer);
      const src = new Int32Array(s.values.buffer, s.values.byteOffset + from, (n * w) >> 2);
      const step = rowBytes >> 2;
      const ww = w >> 2;
      for (let i = 0, to = starts[j]! >> 2, at = 0; i < n; i++, to += step, at += ww) {
        for (let t = 0; t < ww; t++) out[to + t] = src[at + t]!;
      }
    } else {
      const src = s.values;
      for (let i = 0, to = starts[j]!, at = from; i < n; i++, to += rowBytes, at += w) {
        for (let t = 0; t < w; t++) values[to + t] = src[at + t]!;
      }
    }
  });
  return { valueOffsets, values };
}
