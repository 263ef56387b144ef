/**
 * True when `indices` selects every row of an `n`-row table in order (0, 1, …, n − 1): gathering
 * by it would copy the columns unchanged, so callers skip the gather.
 *
 * @example
 * isIdentity(Int32Array.of(0, 1, 2), 3); // true
 */
export function isIdentity(indices: Int32Array, n: number): boolean {
  if (indices.length !== n) return false;
  for (let i = 0; i < n; i++) if (indices[i] !== i) return false;
  return true;
}
