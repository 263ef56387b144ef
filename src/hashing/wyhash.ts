import { mulHi32 } from "./mul-hi32.js";

// Constants of wyhash v1 as (high, low) int32 words.
const P0H = 0xa0761d64 | 0;
const P0L = 0x78bd642f | 0;
const P1H = 0xe7037ed1 | 0;
const P1L = 0xa0b428db | 0;
const P2H = 0x8ebc6af0 | 0;
const P2L = 0x9c88c6e3 | 0;
const P3H = 0x589965cc | 0;
const P3L = 0x75374cc3 | 0;
const P4H = 0x1d8e4e27 | 0;
const P4L = 0xc47d124f | 0;
const P5H = 0xeb44acca | 0;
const P5L = 0xb455d165 | 0;

/** High word of the last `mum` / `readRest` result (a register; avoids returning pairs). */
let H = 0;

/** DataView over the last input buffer: its little-endian loads compile to plain loads. */
let viewOf: Uint8Array | null = null;
let dv: DataView = new DataView(new ArrayBuffer(0));

/**
 * wyhash v1 of `data[start, end)` exactly as the Rust `wyhash` crate 0.5 computes `wyhash(bytes,
 * seed)` (what polars-hash, hence Python Metaxy, calls), including its tail byte order. Writes
 * unsigned words into `out` (`out[0]` low, `out[1]` high). `seed` is a 32-bit value.
 *
 * @example
 * const out = new Uint32Array(2);
 * wyhash(new TextEncoder().encode("hello_world"), 0, 11, out); // 16737367591072095403 as words
 */
export function wyhash(data: Uint8Array, start: number, end: number, out: Uint32Array, seed = 0): void {
  if (data !== viewOf) {
    viewOf = data;
    dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  const n = end - start;
  let sh = 0;
  let sl = seed | 0;
  let i = start;
  const limit = end - 32;
  while (i <= limit) {
    const al = mum(
      dv.getInt32(i + 4, true) ^ P1H,
      dv.getInt32(i, true) ^ P1L,
      dv.getInt32(i + 12, true) ^ P2H,
      dv.getInt32(i + 8, true) ^ P2L,
    );
    const ah = H;
    const bl = mum(
      dv.getInt32(i + 20, true) ^ P3H,
      dv.getInt32(i + 16, true) ^ P3L,
      dv.getInt32(i + 28, true) ^ P4H,
      dv.getInt32(i + 24, true) ^ P4L,
    );
    sl = mum(sh ^ P0H, sl ^ P0L, ah ^ H, al ^ bl);
    sh = H;
    i += 32;
  }
  sh ^= P0H;
  sl ^= P0L;
  const rest = end - i;
  if (rest > 0) {
    const k = (rest - 1) >> 3;
    if (k === 0) {
      const rl = readRest(data, i, rest);
      sl = mum(sh, sl, H ^ P1H, rl ^ P1L);
      sh = H;
    } else if (k === 1) {
      const rl = readRest(data, i + 8, rest - 8);
      sl = mum(dv.getInt32(i, true) ^ sh, dv.getInt32(i + 4, true) ^ sl, H ^ P2H, rl ^ P2L);
      sh = H;
    } else {
      const al = mum(
        dv.getInt32(i, true) ^ sh,
        dv.getInt32(i + 4, true) ^ sl,
        dv.getInt32(i + 8, true) ^ P2H,
        dv.getInt32(i + 12, true) ^ P2L,
      );
      const ah = H;
      let bl: number;
      if (k === 2) {
        const rl = readRest(data, i + 16, rest - 16);
        bl = mum(sh, sl, H ^ P3H, rl ^ P3L);
      } else {
        const rl = readRest(data, i + 24, rest - 24);
        bl = mum(dv.getInt32(i + 16, true) ^ sh, dv.getInt32(i + 20, true) ^ sl, H ^ P4H, rl ^ P4L);
      }
      sh = ah ^ H;
      sl = al ^ bl;
    }
  }
  sl = mum(sh, sl, P5H, P5L ^ n);
  out[0] = sl;
  out[1] = H;
}

/**
 * The crate's `wymum`: the 128-bit product of two u64, folded as `H ^ lo`. Returns the low word,
 * high word in `H`.
 */
function mum(ah: number, al: number, bh: number, bl: number): number {
  const p0h = mulHi32(al, bl) >>> 0;
  const p1l = Math.imul(al, bh) >>> 0;
  const p1h = mulHi32(al, bh) >>> 0;
  const p2l = Math.imul(ah, bl) >>> 0;
  const p2h = mulHi32(ah, bl) >>> 0;
  const p3l = Math.imul(ah, bh) >>> 0;
  const p3h = mulHi32(ah, bh);
  const s1 = p0h + p1l + p2l;
  const c1 = (s1 - (s1 >>> 0)) / 4294967296;
  const s2 = p3l + p1h + p2h + c1;
  const c2 = (s2 - (s2 >>> 0)) / 4294967296;
  H = s1 ^ ((p3h + c2) | 0);
  return Math.imul(al, bl) ^ s2;
}

/**
 * The crate's `read_rest` over 1–8 tail bytes (its byte order is not plain little-endian).
 * Returns the low word, high word in `H`.
 */
function readRest(d: Uint8Array, i: number, len: number): number {
  switch (len) {
    case 1:
      H = 0;
      return d[i]!;
    case 2:
      H = 0;
      return (d[i + 1]! << 8) | d[i]!;
    case 3:
      H = 0;
      return (d[i + 1]! << 16) | (d[i]! << 8) | d[i + 2]!;
    case 4:
      H = 0;
      return dv.getInt32(i, true);
    case 5: {
      const r = dv.getInt32(i, true);
      H = r >>> 24;
      return (r << 8) | d[i + 4]!;
    }
    case 6: {
      const r = dv.getInt32(i, true);
      H = r >>> 16;
      return (r << 16) | (d[i + 5]! << 8) | d[i + 4]!;
    }
    case 7: {
      const r = dv.getInt32(i, true);
      H = r >>> 8;
      return (r << 24) | (d[i + 5]! << 16) | (d[i + 4]! << 8) | d[i + 6]!;
    }
    default: {
      H = dv.getInt32(i, true);
      return dv.getInt32(i + 4, true);
    }
  }
}
