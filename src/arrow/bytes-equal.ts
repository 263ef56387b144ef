import { Buffer } from "node:buffer";

/** Below this many bytes a JS loop beats wrapping both ranges for a native memcmp. */
const NATIVE_FROM = 64;

/**
 * Whether `a[aStart, aStart + length)` and `b[bStart, bStart + length)` hold the same bytes (the
 * ranges may overlap, even within one array). Long ranges go through Node's native comparison.
 *
 * @example
 * bytesEqual(values, 8, values, 0, 16); // is values[0, 24) periodic with period 8?
 */
export function bytesEqual(
  a: Uint8Array,
  aStart: number,
  b: Uint8Array,
  bStart: number,
  length: number,
): boolean {
  if (length < NATIVE_FROM) {
    for (let k = 0; k < length; k++) if (a[aStart + k] !== b[bStart + k]) return false;
    return true;
  }
  const x = Buffer.from(a.buffer, a.byteOffset + aStart, length);
  const y = Buffer.from(b.buffer, b.byteOffset + bStart, length);
  return x.equals(y);
}
