import type { FilterExpr } from "./filter-expr.js";
import { parseFilter } from "./parse-filter.js";

/**
 * Accepts either filter form used across the API: SQL text (parsed) or an expression (returned as is).
 *
 * @example
 * toFilterExpr("x > 1"); toFilterExpr(col("x").gt(1));
 */
export function toFilterExpr(input: string | FilterExpr): FilterExpr {
  return typeof input === "string" ? parseFilter(input) : input;
}
