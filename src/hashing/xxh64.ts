// Primes of XXH64 as (high, low) int32 words.
const P1H = 0x9e3779b1 | 0;
const P1L = 0x85ebca87 | 0;
const P2H = 0xc2b2ae3d | 0;
const P2L = 0x27d4eb4f | 0;
const P3H = 0x165667b1 | 0;
const P3L = 0x9e3779f9 | 0;
const P4H = 0x85ebca77 | 0;
const P4L = 0xc2b2ae63 | 0;
const P5H = 0x27d4eb2f | 0;
const P5L = 0x165667c5 | 0;

/**
 * High word of the last 64-bit result. A module-local register: V8 keeps it cheaper than returning
 * pairs or writing an object field, and each helper's caller reads it right after the call.
 */
let H = 0;

/** DataView over the last input buffer: its little-endian loads compile to plain loads. */
let viewOf: Uint8Array | null = null;
let view: DataView = new DataView(new ArrayBuffer(0));

/**
 * xxHash64 (seed 0) of `data[start, end)`. Writes the result into `out` as unsigned words
 * (`out[0]` low, `out[1]` high) so a kernel can hash row after row without allocating a BigInt.
 *
 * @example
 * const out = new Uint32Array(2);
 * xxh64(new TextEncoder().encode("abc"), 0, 3, out); // out = [0xad770999, 0x44bc2cf5]
 */
export function xxh64(data: Uint8Array, start: number, end: number, out: Uint32Array): void {
  if (data !== viewOf) {
    viewOf = data;
    view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  const dv = view;
  const n = end - start;
  let i = start;
  let hh: number;
  let hl: number;
  if (n >= 32) {
    // v1 = P1 + P2, v2 = P2, v3 = 0, v4 = -P1 (mod 2^64)
    let v1h = 0x60ea27ee | 0;
    let v1l = 0xadc0b5d6 | 0;
    let v2h = P2H;
    let v2l = P2L;
    let v3h = 0;
    let v3l = 0;
    let v4h = 0x61c8864e;
    let v4l = 0x7a143579;
    const limit = end - 32;
    while (i <= limit) {
      v1l = round(v1h, v1l, dv.getInt32(i + 4, true), dv.getInt32(i, true));
      v1h = H;
      v2l = round(v2h, v2l, dv.getInt32(i + 12, true), dv.getInt32(i + 8, true));
      v2h = H;
      v3l = round(v3h, v3l, dv.getInt32(i + 20, true), dv.getInt32(i + 16, true));
      v3h = H;
      v4l = round(v4h, v4l, dv.getInt32(i + 28, true), dv.getInt32(i + 24, true));
      v4h = H;
      i += 32;
    }
    // h = rotl(v1,1) + rotl(v2,7) + rotl(v3,12) + rotl(v4,18)
    hl = add(
      (v1h << 1) | (v1l >>> 31),
      (v1l << 1) | (v1h >>> 31),
      (v2h << 7) | (v2l >>> 25),
      (v2l << 7) | (v2h >>> 25),
    );
    hh = H;
    hl = add(hh, hl, (v3h << 12) | (v3l >>> 20), (v3l << 12) | (v3h >>> 20));
    hh = H;
    hl = add(hh, hl, (v4h << 18) | (v4l >>> 14), (v4l << 18) | (v4h >>> 14));
    hh = H;
    hl = merge(hh, hl, v1h, v1l);
    hh = H;
    hl = merge(hh, hl, v2h, v2l);
    hh = H;
    hl = merge(hh, hl, v3h, v3l);
    hh = H;
    hl = merge(hh, hl, v4h, v4l);
    hh = H;
  } else {
    hh = P5H;
    hl = P5L;
  }
  hl = add(hh, hl, 0, n);
  hh = H;
  while (i + 8 <= end) {
    hl ^= round(0, 0, dv.getInt32(i + 4, true), dv.getInt32(i, true));
    hh ^= H;
    // h = rotl(h, 27) * P1 + P4
    hl = mul((hh << 27) | (hl >>> 5), (hl << 27) | (hh >>> 5), P1H, P1L);
    hl = add(H, hl, P4H, P4L);
    hh = H;
    i += 8;
  }
  if (i + 4 <= end) {
    hl ^= mul(0, dv.getInt32(i, true), P1H, P1L);
    hh ^= H;
    // h = rotl(h, 23) * P2 + P3
    hl = mul((hh << 23) | (hl >>> 9), (hl << 23) | (hh >>> 9), P2H, P2L);
    hl = add(H, hl, P3H, P3L);
    hh = H;
    i += 4;
  }
  while (i < end) {
    hl ^= mul(0, data[i]!, P5H, P5L);
    hh ^= H;
    // h = rotl(h, 11) * P1
    hl = mul((hh << 11) | (hl >>> 21), (hl << 11) | (hh >>> 21), P1H, P1L);
    hh = H;
    i++;
  }
  // avalanche
  hl ^= hh >>> 1;
  hl = mul(hh, hl, P2H, P2L);
  hh = H;
  hl ^= (hl >>> 29) | (hh << 3);
  hh ^= hh >>> 29;
  hl = mul(hh, hl, P3H, P3L);
  hh = H;
  out[0] = hl ^ hh;
  out[1] = hh;
}

/**
 * acc = rotl(acc + input * P2, 31) * P1. The hottest step, written as one leaf function (both
 * multiplications inlined by hand) because V8's inlining budget runs out inside `xxh64`.
 */
function round(accH: number, accL: number, inH: number, inL: number): number {
  // p = input * P2 (P2L = 0x27d4eb4f: halves 0x27d4, 0xeb4f)
  let a0 = inL & 0xffff;
  let a1 = inL >>> 16;
  let m1 = a1 * 0xeb4f;
  let m2 = a0 * 0x27d4;
  let mid = ((a0 * 0xeb4f) >>> 16) + (m1 & 0xffff) + (m2 & 0xffff);
  const ph =
    (a1 * 0x27d4 + (m1 >>> 16) + (m2 >>> 16) + (mid >>> 16) + Math.imul(inH, P2L) + Math.imul(inL, P2H)) | 0;
  const pl = Math.imul(inL, P2L);
  // s = acc + p
  const sum = (accL >>> 0) + (pl >>> 0);
  const sh = (accH + ph + (sum > 0xffffffff ? 1 : 0)) | 0;
  const sl = sum | 0;
  // rotl 31, then * P1 (P1L = 0x85ebca87: halves 0x85eb, 0xca87)
  const rh = (sh << 31) | (sl >>> 1);
  const rl = (sl << 31) | (sh >>> 1);
  a0 = rl & 0xffff;
  a1 = rl >>> 16;
  m1 = a1 * 0xca87;
  m2 = a0 * 0x85eb;
  mid = ((a0 * 0xca87) >>> 16) + (m1 & 0xffff) + (m2 & 0xffff);
  H = (a1 * 0x85eb + (m1 >>> 16) + (m2 >>> 16) + (mid >>> 16) + Math.imul(rh, P1L) + Math.imul(rl, P1H)) | 0;
  return Math.imul(rl, P1L);
}

/** acc = (acc ^ round(0, val)) * P1 + P4. */
function merge(accH: number, accL: number, valH: number, valL: number): number {
  const kl = round(0, 0, valH, valL);
  const l = mul(accH ^ H, accL ^ kl, P1H, P1L);
  return add(H, l, P4H, P4L);
}

/** (ah:al) * (bh:bl) mod 2^64; the 32×32 high word from 16-bit halves (exact in doubles). */
function mul(ah: number, al: number, bh: number, bl: number): number {
  const a0 = al & 0xffff;
  const a1 = al >>> 16;
  const b0 = bl & 0xffff;
  const b1 = bl >>> 16;
  const m1 = a1 * b0;
  const m2 = a0 * b1;
  const mid = ((a0 * b0) >>> 16) + (m1 & 0xffff) + (m2 & 0xffff);
  H = (a1 * b1 + (m1 >>> 16) + (m2 >>> 16) + (mid >>> 16) + Math.imul(ah, bl) + Math.imul(al, bh)) | 0;
  return Math.imul(al, bl);
}

/** (ah:al) + (bh:bl) mod 2^64. */
function add(ah: number, al: number, bh: number, bl: number): number {
  const s = (al >>> 0) + (bl >>> 0);
  H = (ah + bh + (s > 0xffffffff ? 1 : 0)) | 0;
  return s | 0;
}
