import type { Data } from "apache-arrow";

/**
 * True when row `i` of a chunk is not null (bit `offset + i` of the validity bitmap: a sliced chunk
 * keeps its whole bitmap).
 *
 * @example
 * for (let i = 0; i < data.length; i++) if (isValid(data, i)) use(values[i]);
 */
export function isValid(data: Data, i: number): boolean {
  if (data.nullCount === 0) return true;
  const bitmap = data.nullBitmap;
  if (bitmap === undefined || bitmap.length === 0) return data.nullCount !== data.length;
  const bit = data.offset + i;
  return (bitmap[bit >> 3]! & (1 << (bit & 7))) !== 0;
}

/**
 * A validity bitmap for the chunk's rows starting at bit 0 (copied when the chunk is sliced), or
 * `undefined` when it has no nulls.
 *
 * @example
 * makeData({ type, length: data.length, nullCount: data.nullCount, nullBitmap: alignedValidity(data), data: values });
 */
export function alignedValidity(data: Data): Uint8Array | undefined {
  if (data.nullCount === 0) return undefined;
  const bitmap = data.nullBitmap;
  if (bitmap === undefined || bitmap.length === 0) return new Uint8Array((data.length + 7) >> 3);
  if (data.offset === 0) return bitmap.subarray(0, (data.length + 7) >> 3);
  const out = new Uint8Array((data.length + 7) >> 3);
  for (let i = 0; i < data.length; i++) {
    const bit = data.offset + i;
    if ((bitmap[bit >> 3]! & (1 << (bit & 7))) !== 0) out[i >> 3] |= 1 << (i & 7);
  }
  return out;
}

/**
 * A bitmap with bit i set where `valid[i]` is true.
 *
 * @example
 * bitmapFrom([true, false, true]); // Uint8Array [0b101]
 */
export function bitmapFrom(valid: ArrayLike<boolean>): Uint8Array {
  const out = new Uint8Array((valid.length + 7) >> 3);
  for (let i = 0; i < valid.length; i++) if (valid[i]) out[i >> 3] |= 1 << (i & 7);
  return out;
}
