import { padFinalBlocks } from "./md-padding.js";

// Per-step additive constants of RFC 1321 (floor(abs(sin(i + 1)) * 2^32)).
const K = Int32Array.from([
  0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501, 0x698098d8,
  0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340,
  0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6, 0xc33707d6, 0xf4d50d87,
  0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
  0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039,
  0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92,
  0xffeff47d, 0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb,
  0xeb86d391,
]);
const S = Int32Array.from([
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9,
  14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15,
  21, 6, 10, 15, 21,
]);

const state = new Int32Array(4);
const words = new Int32Array(16);
const tail = new Uint8Array(128);

/**
 * MD5 of `data[start, end)`, written as 16 digest bytes into `out` at `outPos`. Synchronous and
 * allocation-free, so a kernel can digest millions of short pre-images without node:crypto's
 * per-call overhead (results are checked against node:crypto in the tests).
 *
 * @example
 * const d = new Uint8Array(16);
 * md5(new TextEncoder().encode("abc"), 0, 3, d, 0); // 900150983cd24fb0d6963f7d28e17f72
 */
export function md5(data: Uint8Array, start: number, end: number, out: Uint8Array, outPos: number): void {
  state[0] = 0x67452301;
  state[1] = 0xefcdab89 | 0;
  state[2] = 0x98badcfe | 0;
  state[3] = 0x10325476;
  const n = end - start;
  let i = start;
  for (; i + 64 <= end; i += 64) block(data, i);
  const total = padFinalBlocks(data, i, end, n, tail, true);
  block(tail, 0);
  if (total === 128) block(tail, 64);
  for (let w = 0; w < 4; w++) {
    const v = state[w]!;
    out[outPos + 4 * w] = v;
    out[outPos + 4 * w + 1] = v >>> 8;
    out[outPos + 4 * w + 2] = v >>> 16;
    out[outPos + 4 * w + 3] = v >>> 24;
  }
}

function block(d: Uint8Array, p: number): void {
  for (let w = 0; w < 16; w++) {
    const q = p + 4 * w;
    words[w] = d[q]! | (d[q + 1]! << 8) | (d[q + 2]! << 16) | (d[q + 3]! << 24);
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let e = state[3]!;
  // Four rounds of 16 steps, one loop each so no step branches on its round.
  for (let j = 0; j < 16; j++) {
    const t = (a + ((b & c) | (~b & e)) + K[j]! + words[j]!) | 0;
    a = e;
    e = c;
    c = b;
    b = (b + rotl(t, S[j]!)) | 0;
  }
  for (let j = 16; j < 32; j++) {
    const t = (a + ((e & b) | (~e & c)) + K[j]! + words[(5 * j + 1) & 15]!) | 0;
    a = e;
    e = c;
    c = b;
    b = (b + rotl(t, S[j]!)) | 0;
  }
  for (let j = 32; j < 48; j++) {
    const t = (a + (b ^ c ^ e) + K[j]! + words[(3 * j + 5) & 15]!) | 0;
    a = e;
    e = c;
    c = b;
    b = (b + rotl(t, S[j]!)) | 0;
  }
  for (let j = 48; j < 64; j++) {
    const t = (a + (c ^ (b | ~e)) + K[j]! + words[(7 * j) & 15]!) | 0;
    a = e;
    e = c;
    c = b;
    b = (b + rotl(t, S[j]!)) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + e) | 0;
}

function rotl(x: number, s: number): number {
  return (x << s) | (x >>> (32 - s));
}
