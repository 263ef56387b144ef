/**
 * 64-bit unsigned arithmetic on pairs of 32-bit words, for hashes that must not allocate a BigInt
 * per step. Words are kept as int32 (`| 0`); results return the low word and leave the high word in
 * `u64.hi`, a module register read right after the call.
 */
export const u64 = { hi: 0 };

/**
 * Unsigned high word of the 32×32-bit product `a * b` (as int32). Splits into 16-bit halves so
 * every partial product stays exact in a double (faster in V8 than correcting a rounded 64-bit
 * double product).
 *
 * @example
 * mulHi32(0xffffffff, 0xffffffff) >>> 0; // 0xfffffffe
 */
export function mulHi32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const m1 = a1 * b0;
  const m2 = a0 * b1;
  const mid = ((a0 * b0) >>> 16) + (m1 & 0xffff) + (m2 & 0xffff);
  return (a1 * b1 + (m1 >>> 16) + (m2 >>> 16) + (mid >>> 16)) | 0;
}

/**
 * `(ah:al) * (bh:bl) mod 2^64`; returns the low word, high word in `u64.hi`.
 *
 * @example
 * const lo = mul64(0, 3, 0, 5); // lo === 15, u64.hi === 0
 */
export function mul64(ah: number, al: number, bh: number, bl: number): number {
  u64.hi = (mulHi32(al, bl) + Math.imul(ah, bl) + Math.imul(al, bh)) | 0;
  return Math.imul(al, bl);
}

/**
 * `(ah:al) + (bh:bl) mod 2^64`; returns the low word, high word in `u64.hi`.
 *
 * @example
 * const lo = add64(0, -1, 0, 1); // lo === 0, u64.hi === 1
 */
export function add64(ah: number, al: number, bh: number, bl: number): number {
  const s = (al >>> 0) + (bl >>> 0);
  u64.hi = (ah + bh + (s > 0xffffffff ? 1 : 0)) | 0;
  return s | 0;
}

/**
 * Little-endian 32-bit word at `d[i]` as int32.
 *
 * @example
 * read32le(new Uint8Array([1, 0, 0, 0]), 0); // 1
 */
export function read32le(d: Uint8Array, i: number): number {
  return d[i]! | (d[i + 1]! << 8) | (d[i + 2]! << 16) | (d[i + 3]! << 24);
}
