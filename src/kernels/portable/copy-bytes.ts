/**
 * Copies `src[start, end)` into `dst` at `pos` and returns the end position. Short ranges use a
 * plain loop: `subarray` would allocate a view per call, which dominates on per-row copies.
 *
 * @example
 * const end = copyBytes(new Uint8Array([1, 2, 3]), 1, 3, new Uint8Array(4), 0); // 2
 */
export function copyBytes(src: Uint8Array, start: number, end: number, dst: Uint8Array, pos: number): number {
  if (end - start < 48) {
    for (let k = start; k < end; k++) dst[pos++] = src[k]!;
    return pos;
  }
  dst.set(src.subarray(start, end), pos);
  return pos + end - start;
}
