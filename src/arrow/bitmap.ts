import { type Data, Type } from "apache-arrow";

/**
 * The validity bitmap of a chunk, or null when every row is valid. Bit i of row i lives at
 * `data.offset + i`: slicing a chunk never slices its bitmap.
 *
 * @example
 * const bits = validityOf(data); if (bits && !isValidAt(bits, data.offset, 3)) console.log("row 3 is null");
 */
export function validityOf(data: Data): Uint8Array | null {
  if (data.typeId === Type.Null || data.nullCount === 0) return null;
  const bitmap = data.nullBitmap;
  return bitmap && bitmap.length > 0 ? bitmap : null;
}

/**
 * True when row `i` of the chunk is not null (a Null-typed chunk is null everywhere).
 *
 * @example
 * if (rowIsValid(column.data[0], 0)) console.log(column.get(0));
 */
export function rowIsValid(data: Data, i: number): boolean {
  if (data.typeId === Type.Null) return false;
  const bitmap = validityOf(data);
  if (bitmap === null) return true;
  const bit = data.offset + i;
  return (bitmap[bit >> 3]! & (1 << (bit & 7))) !== 0;
}

/**
 * A fresh all-null bitmap for `length` rows (bits start at 0), padded to 8 bytes as Arrow writers expect.
 *
 * @example
 * const bits = newBitmap(10); setBit(bits, 3);
 */
export function newBitmap(length: number): Uint8Array {
  return new Uint8Array(((length + 63) >> 6) << 3);
}

/**
 * Sets bit `i` (marks row i valid, or a Bool value true).
 *
 * @example
 * setBit(bits, 0);
 */
export function setBit(bitmap: Uint8Array, i: number): void {
  bitmap[i >> 3]! |= 1 << (i & 7);
}

/**
 * Reads bit `i` of a packed bitmap.
 *
 * @example
 * const b = getBit(data.values, data.offset + i); // a Bool value
 */
export function getBit(bitmap: Uint8Array, i: number): boolean {
  return (bitmap[i >> 3]! & (1 << (i & 7))) !== 0;
}

/**
 * The validity of a chunk copied to a fresh bitmap that starts at bit 0, with its null count; the
 * bitmap is null when no row is null.
 *
 * @example
 * const { bitmap, nullCount } = copyValidity(data);
 */
export function copyValidity(data: Data): { readonly bitmap: Uint8Array | null; readonly nullCount: number } {
  if (data.typeId === Type.Null) {
    return { bitmap: data.length > 0 ? newBitmap(data.length) : null, nullCount: data.length };
  }
  const source = validityOf(data);
  if (source === null) return { bitmap: null, nullCount: 0 };
  const bitmap = newBitmap(data.length);
  let nullCount = 0;
  for (let i = 0; i < data.length; i++) {
    if (getBit(source, data.offset + i)) setBit(bitmap, i);
    else nullCount++;
  }
  return { bitmap: nullCount > 0 ? bitmap : null, nullCount };
}
