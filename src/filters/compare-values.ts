/** Code-point order (what UTF-8 byte order gives), unlike `<` on JS strings (UTF-16 units). */
function compareStrings(a: string, b: string): -1 | 0 | 1 {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (U+D800–DFFF) encode code points above U+FFFF, so they rank above U+E000–FFFF.
    const surrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;
    if (surrogate(x) !== surrogate(y)) return surrogate(x) ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length === b.length ? 0 : 1;
}

/**
 * Orders two scalar values of the same family: numbers and bigints by value (exactly), strings by
 * code point, booleans false < true. Null when they cannot be compared (different families, NaN).
 *
 * @example
 * compareValues(2n, 1.5); // 1
 */
export function compareValues(a: unknown, b: unknown): -1 | 0 | 1 | null {
  const numeric = (v: unknown) => (typeof v === "number" && !Number.isNaN(v)) || typeof v === "bigint";
  if (numeric(a) && numeric(b)) {
    const x = a as number | bigint;
    const y = b as number | bigint;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === "string" && typeof b === "string") return compareStrings(a, b);
  if (typeof a === "boolean" && typeof b === "boolean") return a === b ? 0 : a ? 1 : -1;
  return null;
}
