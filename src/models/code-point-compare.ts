/**
 * Compares two strings by Unicode code point, as Python compares `str` values. JavaScript's `<` compares
 * UTF-16 code units, which puts U+E000–U+FFFF after astral characters; Python puts them before.
 *
 * @example
 * compareCodePoints("\uffff", "\u{1f600}"); // -1 (JS `<` would say the opposite)
 */
export function compareCodePoints(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    // codePointAt returns a lone surrogate's own value, which is what Python compares too.
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(j)!;
    if (x !== y) return x < y ? -1 : 1;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  const restA = a.length - i;
  const restB = b.length - j;
  return restA === restB ? 0 : restA < restB ? -1 : 1;
}

/**
 * Compares two tuples of strings element by element (code point order), shorter prefix first — Python's
 * tuple ordering, used for key parts.
 *
 * @example
 * compareTuples(["a", "z"], ["a-b"]); // -1, although "a/z" > "a-b" as strings
 */
export function compareTuples(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) {
    const c = compareCodePoints(a[k]!, b[k]!);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
