const HEX = new TextEncoder().encode("0123456789abcdef");
/** "00" … "99" as ASCII pairs: two digits per division. */
const PAIRS = new TextEncoder().encode(
  Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0")).join(""),
);

/**
 * Writes the unsigned decimal of a u64 given as 32-bit words into `out` at `pos`; returns the
 * position after the last digit. Splits the value into three integers below 2^31 with exact double
 * arithmetic (no BigInt, no floating `%`), then renders them with int32 operations.
 *
 * @example
 * const b = new Uint8Array(20);
 * const end = writeU64Decimal(0xffffffff, 0xffffffff, b, 0); // "18446744073709551615", end === 20
 */
export function writeU64Decimal(lo: number, hi: number, out: Uint8Array, pos: number): number {
  const h = hi >>> 0;
  const l = lo >>> 0;
  if (h === 0) return writeUintDecimal(l, out, pos);
  // value = h * 2^32 + l = q * 10^6 + r, via h = q1 * 10^6 + r1 (r1 * 2^32 + l < 2^53 stays exact).
  const q1 = Math.floor(h / 1e6);
  const x = (h - q1 * 1e6) * 4294967296 + l;
  const qx = Math.floor(x / 1e6);
  const r = x - qx * 1e6;
  const q = q1 * 4294967296 + qx;
  // q < 1.85e13 = a * 10^8 + b; the value is ≥ 2^32, so q ≥ 4294 and a or b is non-zero.
  const a = Math.floor(q / 1e8);
  const b = q - a * 1e8;
  if (a > 0) {
    pos = writeSmall(a, out, pos);
    pos = writePadded(b, 8, out, pos);
  } else {
    pos = writeSmall(b, out, pos);
  }
  return writePadded(r, 6, out, pos);
}

/**
 * Writes the decimal of an unsigned 32-bit integer (e.g. an xxhash32 value) into `out` at `pos`;
 * returns the position after the last digit.
 *
 * @example
 * const b = new Uint8Array(10);
 * writeUintDecimal(46947589, b, 0); // "46947589", returns 8
 */
export function writeUintDecimal(v: number, out: Uint8Array, pos: number): number {
  if (v < 1e9) return writeSmall(v, out, pos);
  const a = Math.floor(v / 1e8);
  pos = writeSmall(a, out, pos);
  return writePadded(v - a * 1e8, 8, out, pos);
}

/** Decimal of `0 ≤ v < 10^9`, no padding. */
function writeSmall(v: number, out: Uint8Array, pos: number): number {
  const n =
    v < 10
      ? 1
      : v < 100
        ? 2
        : v < 1e3
          ? 3
          : v < 1e4
            ? 4
            : v < 1e5
              ? 5
              : v < 1e6
                ? 6
                : v < 1e7
                  ? 7
                  : v < 1e8
                    ? 8
                    : 9;
  writePadded(v, n, out, pos);
  return pos + n;
}

/** Exactly `width` digits of `0 ≤ v < 10^width` (zero-padded), written back to front. */
function writePadded(v: number, width: number, out: Uint8Array, pos: number): number {
  let k = pos + width;
  let x = v | 0;
  while (k - pos >= 2) {
    const q = (x / 100) | 0;
    const p = (x - q * 100) << 1;
    out[--k] = PAIRS[p + 1]!;
    out[--k] = PAIRS[p]!;
    x = q;
  }
  if (k > pos) out[--k] = 48 + x;
  return pos + width;
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
