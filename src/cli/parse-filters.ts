import { FilterParseError } from "../errors.js";
import type { FilterExpr } from "../filters/filter-expr.js";
import { parseFilter } from "../filters/parse-filter.js";

/**
 * Parses `--filter`-style SQL-WHERE strings up front, so a typo fails the command before any store
 * work; the message names the flag.
 *
 * @example
 * parseFilters(["n > 3", "tag = 'a'"], "--filter"); // two FilterExpr
 */
export function parseFilters(texts: readonly string[] | undefined, flag: string): FilterExpr[] {
  return (texts ?? []).map((text) => {
    try {
      return parseFilter(text);
    } catch (cause) {
      if (!(cause instanceof FilterParseError)) throw cause;
      throw new FilterParseError(`${flag} "${text}": ${cause.message}`, { cause });
    }
  });
}
