/**
 * Merkle–Damgård padding shared by md5 and sha256: copies the bytes after the last whole 64-byte
 * block of `data[from, end)` into `tail`, appends 0x80, zeros, and the message length `n` in bits
 * (little-endian for md5, big-endian for sha256). Returns how many bytes of `tail` to compress (64
 * or 128). `tail` must hold 128 bytes.
 *
 * @example
 * const total = padFinalBlocks(data, i, end, end - start, tail, true); // then compress tail[0, total)
 */
export function padFinalBlocks(
  data: Uint8Array,
  from: number,
  end: number,
  n: number,
  tail: Uint8Array,
  littleEndian: boolean,
): number {
  const rest = end - from;
  for (let j = 0; j < rest; j++) tail[j] = data[from + j]!;
  tail[rest] = 0x80;
  const total = rest < 56 ? 64 : 128;
  tail.fill(0, rest + 1, total);
  const bitsLo = (n * 8) >>> 0;
  const bitsHi = Math.floor(n / 0x20000000);
  for (let j = 0; j < 4; j++) {
    if (littleEndian) {
      tail[total - 8 + j] = bitsLo >>> (8 * j);
      tail[total - 4 + j] = bitsHi >>> (8 * j);
    } else {
      tail[total - 1 - j] = bitsLo >>> (8 * j);
      tail[total - 5 - j] = bitsHi >>> (8 * j);
    }
  }
  return total;
}
