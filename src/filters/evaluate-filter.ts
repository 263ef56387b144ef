import type { Table } from "apache-arrow";
import { evaluateTruth } from "./evaluate-truth.js";
import type { FilterExpr } from "./filter-expr.js";
import { toFilterExpr } from "./to-filter-expr.js";

/**
 * Evaluates a filter on an Arrow table with SQL three-valued logic: 1 where the row satisfies it,
 * 0 where it is false or unknown (NULL). Typed comparisons: integers of any width (Int64 exactly)
 * and floats by value, strings by code point, booleans false < true, timestamps and dates against
 * ISO-8601 text (an instant; no offset means UTC, whatever the column's time zone) or against a
 * number taken as the raw stored value in the column's unit (days for Date32). Mixed integer and
 * float operands compare exactly (2^53 + 1 > 2^53 as a double, unlike DuckDB's cast to DOUBLE).
 * NaN sorts above every number and equals itself. Dotted names reach into struct columns.
 *
 * @throws MetadataSchemaError for a missing column (naming the available ones) or incomparable types.
 * @example
 * evaluateFilter(parseFilter("n >= 2 AND tag IN ('a', 'b')"), table); // Uint8Array [0, 1, 1, 0]
 */
export function evaluateFilter(expr: string | FilterExpr, table: Table): Uint8Array {
  const truth = evaluateTruth(toFilterExpr(expr), table);
  for (let i = 0; i < truth.length; i++) truth[i] = truth[i]! >> 1;
  return truth;
}
