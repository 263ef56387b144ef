import { add64, mul64, read32le, u64 } from "./u64.js";

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
 * xxHash64 (seed 0) of `data[start, end)`. Writes the result into `out` as unsigned words
 * (`out[0]` low, `out[1]` high) so a kernel can hash row after row without allocating a BigInt.
 *
 * @example
 * const out = new Uint32Array(2);
 * xxh64(new TextEncoder().encode("abc"), 0, 3, out); // out = [0xad770999, 0x44bc2cf5]
 */
export function xxh64(data: Uint8Array, start: number, end: number, out: Uint32Array): void {
  const n = end - start;
  let i = start;
  let hh: number;
  let hl: number;
  if (n >= 32) {
    // v1 = P1 + P2, v2 = P2, v3 = 0, v4 = -P1 (mod 2^64)
    let v1l = add64(P1H, P1L, P2H, P2L);
    let v1h = u64.hi;
    let v2h = P2H;
    let v2l = P2L;
    let v3h = 0;
    let v3l = 0;
    let v4l = add64(~P1H, ~P1L, 0, 1);
    let v4h = u64.hi;
    const limit = end - 32;
    while (i <= limit) {
      v1l = round(v1h, v1l, read32le(data, i + 4), read32le(data, i));
      v1h = u64.hi;
      v2l = round(v2h, v2l, read32le(data, i + 12), read32le(data, i + 8));
      v2h = u64.hi;
      v3l = round(v3h, v3l, read32le(data, i + 20), read32le(data, i + 16));
      v3h = u64.hi;
      v4l = round(v4h, v4l, read32le(data, i + 28), read32le(data, i + 24));
      v4h = u64.hi;
      i += 32;
    }
    // h = rotl(v1,1) + rotl(v2,7) + rotl(v3,12) + rotl(v4,18)
    hl = add64(
      (v1h << 1) | (v1l >>> 31),
      (v1l << 1) | (v1h >>> 31),
      (v2h << 7) | (v2l >>> 25),
      (v2l << 7) | (v2h >>> 25),
    );
    hh = u64.hi;
    hl = add64(hh, hl, (v3h << 12) | (v3l >>> 20), (v3l << 12) | (v3h >>> 20));
    hh = u64.hi;
    hl = add64(hh, hl, (v4h << 18) | (v4l >>> 14), (v4l << 18) | (v4h >>> 14));
    hh = u64.hi;
    hl = merge(hh, hl, v1h, v1l);
    hh = u64.hi;
    hl = merge(hh, hl, v2h, v2l);
    hh = u64.hi;
    hl = merge(hh, hl, v3h, v3l);
    hh = u64.hi;
    hl = merge(hh, hl, v4h, v4l);
    hh = u64.hi;
  } else {
    hh = P5H;
    hl = P5L;
  }
  hl = add64(hh, hl, 0, n);
  hh = u64.hi;
  while (i + 8 <= end) {
    const kl = round(0, 0, read32le(data, i + 4), read32le(data, i));
    hh ^= u64.hi;
    hl ^= kl;
    // h = rotl(h, 27) * P1 + P4
    const rh = (hh << 27) | (hl >>> 5);
    const rl = (hl << 27) | (hh >>> 5);
    hl = mul64(rh, rl, P1H, P1L);
    hl = add64(u64.hi, hl, P4H, P4L);
    hh = u64.hi;
    i += 8;
  }
  if (i + 4 <= end) {
    hl ^= mul64(0, read32le(data, i), P1H, P1L);
    hh ^= u64.hi;
    // h = rotl(h, 23) * P2 + P3
    const rh = (hh << 23) | (hl >>> 9);
    const rl = (hl << 23) | (hh >>> 9);
    hl = mul64(rh, rl, P2H, P2L);
    hl = add64(u64.hi, hl, P3H, P3L);
    hh = u64.hi;
    i += 4;
  }
  while (i < end) {
    hl ^= mul64(0, data[i]!, P5H, P5L);
    hh ^= u64.hi;
    // h = rotl(h, 11) * P1
    const rh = (hh << 11) | (hl >>> 21);
    const rl = (hl << 11) | (hh >>> 21);
    hl = mul64(rh, rl, P1H, P1L);
    hh = u64.hi;
    i++;
  }
  // avalanche
  hl ^= hh >>> 1;
  hl = mul64(hh, hl, P2H, P2L);
  hh = u64.hi;
  hl ^= (hl >>> 29) | (hh << 3);
  hh ^= hh >>> 29;
  hl = mul64(hh, hl, P3H, P3L);
  hh = u64.hi;
  hl ^= hh;
  out[0] = hl;
  out[1] = hh;
}

/** acc = rotl(acc + input * P2, 31) * P1; returns the low word, high word in `u64.hi`. */
function round(accH: number, accL: number, inH: number, inL: number): number {
  let l = mul64(inH, inL, P2H, P2L);
  l = add64(accH, accL, u64.hi, l);
  const h = u64.hi;
  return mul64((h << 31) | (l >>> 1), (l << 31) | (h >>> 1), P1H, P1L);
}

/** acc = (acc ^ round(0, val)) * P1 + P4. */
function merge(accH: number, accL: number, valH: number, valL: number): number {
  const kl = round(0, 0, valH, valL);
  const l = mul64(accH ^ u64.hi, accL ^ kl, P1H, P1L);
  return add64(u64.hi, l, P4H, P4L);
}
