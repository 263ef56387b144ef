import { FilterParseError } from "../errors.js";

/** 1-based position in code points (what an editor shows), from a UTF-16 index. */
function position(input: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index && i < input.length; i++) {
    const c = input.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < input.length) {
      const d = input.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * The one shape of every parse error: `filters: invalid filter "<input>" at position N: expected X, got Y`.
 *
 * @example
 * throw filterParseError("x BETWEEN 1 AND 2", 2, "a comparison operator", '"BETWEEN"');
 */
export function filterParseError(
  input: string,
  index: number,
  expected: string,
  got: string,
): FilterParseError {
  return new FilterParseError(
    `filters: invalid filter ${JSON.stringify(input)} at position ${position(input, index)}: expected ${expected}, got ${got}`,
  );
}
