const HEX = new TextEncoder().encode("0123456789abcdef");
const digits = new Uint8Array(20);

/**
 * Writes the unsigned decimal of a u64 given as 32-bit words into `out` at `pos`; returns the
 * position after the last digit. Splits the value as `q * 10^6 + r` so every step stays exact in a
 * double — no BigInt per row.
 *
 * @example
 * const b = new Uint8Array(20);
 * const end = writeU64Decimal(0xffffffff, 0xffffffff, b, 0); // "18446744073709551615", end === 20
 */
export function writeU64Decimal(lo: number, hi: number, out: Uint8Array, pos: number): number {
  const h = hi >>> 0;
  const l = lo >>> 0;
  if (h === 0) return writeUintDecimal(l, out, pos);
  // value = h * 2^32 + l = (q1 * 10^6 + r1) * 2^32 + l; r1 * 2^32 + l < 2^53.
  const q1 = Math.floor(h / 1e6);
  const x = (h - q1 * 1e6) * 4294967296 + l;
  const qx = Math.floor(x / 1e6);
  const q = q1 * 4294967296 + qx;
  let r = x - qx * 1e6;
  if (q === 0) return writeUintDecimal(r, out, pos);
  pos = writeUintDecimal(q, out, pos);
  for (let k = pos + 5; k >= pos; k--) {
    const d = r % 10;
    out[k] = 48 + d;
    r = (r - d) / 10;
  }
  return pos + 6;
}

/**
 * Writes the decimal of a non-negative integer below 2^53 (e.g. a u32 hash) into `out` at `pos`;
 * returns the position after the last digit.
 *
 * @example
 * const b = new Uint8Array(10);
 * writeUintDecimal(46947589, b, 0); // "46947589", returns 8
 */
export function writeUintDecimal(v: number, out: Uint8Array, pos: number): number {
  let n = 0;
  do {
    const d = v % 10;
    digits[n++] = 48 + d;
    v = (v - d) / 10;
  } while (v > 0);
  while (n > 0) out[pos++] = digits[--n]!;
  return pos;
}

/**
 * Writes `bytes[0, count)` as lowercase hex into `out` at `pos`; returns the end position.
 *
 * @example
 * const b = new Uint8Array(4);
 * writeHex(new Uint8Array([0xab, 0x01]), 2, b, 0); // "ab01", returns 4
 */
export function writeHex(bytes: Uint8Array, count: number, out: Uint8Array, pos: number): number {
  for (let k = 0; k < count; k++) {
    const b = bytes[k]!;
    out[pos++] = HEX[b >> 4]!;
    out[pos++] = HEX[b & 15]!;
  }
  return pos;
}
