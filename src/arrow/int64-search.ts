/** Half the width of the window around an interpolated guess that is bisected first. */
const WINDOW = 64;

/**
 * The first row in [0, n) of strictly ascending 64-bit ids — given as (low, high) 32-bit word
 * pairs — whose id is not below (hi, lo); n when there is none. Ids written as a sequence are
 * spread evenly, so the search first bisects a small window around the interpolated position (a
 * few cache lines) and the whole range only when the answer is not inside it.
 *
 * @example
 * const words = new Int32Array(BigInt64Array.of(10n, 20n, 30n).buffer);
 * lowerBoundInt64(words, 3, 0, 20); // 1
 */
export function lowerBoundInt64(ids: Int32Array, n: number, hi: number, lo: number): number {
  let a = 0;
  let b = n;
  if (n > 1) {
    const first = approx(ids, 0);
    const span = approx(ids, n - 1) - first;
    if (span > 0) {
      const guess = Math.floor(((hi * 4294967296 + lo - first) / span) * (n - 1));
      const from = Math.max(0, Math.min(n, guess - WINDOW));
      const to = Math.max(from, Math.min(n, guess + WINDOW));
      // The answer lies in [from, to] when the rows around the window say so.
      if ((from === 0 || below(ids, from - 1, hi, lo)) && (to === n || !below(ids, to, hi, lo))) {
        a = from;
        b = to;
      }
    }
  }
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (below(ids, mid, hi, lo)) a = mid + 1;
    else b = mid;
  }
  return a;
}

/**
 * Whether row i's id is below (hi, lo); ids as (low, high) 32-bit word pairs.
 *
 * @example
 * below(new Int32Array(BigInt64Array.of(5n).buffer), 0, 0, 6); // true
 */
export function below(ids: Int32Array, i: number, hi: number, lo: number): boolean {
  const h = ids[2 * i + 1]!;
  return h < hi || (h === hi && ids[2 * i]! >>> 0 < lo);
}

/** Row i's id as a double (exact below 2^53; only used to guess positions). */
function approx(ids: Int32Array, i: number): number {
  return ids[2 * i + 1]! * 4294967296 + (ids[2 * i]! >>> 0);
}
