/**
 * Unsigned high word of the 32×32-bit product `a * b` (as int32), for 64-bit hash arithmetic on
 * 32-bit words without a BigInt per step. Splits into 16-bit halves so every partial product stays
 * exact in a double (in V8 this beats correcting a rounded double product, and BigInt by ~8×).
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
