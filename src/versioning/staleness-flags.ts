import type { Table } from "apache-arrow";
import { evaluateFilter } from "../filters/evaluate-filter.js";
import type { FilterExpr } from "../filters/filter-expr.js";

/**
 * One byte per stored row: 1 where any staleness predicate is TRUE on that row (NULL counts as
 * false), else 0. Null when there are no predicates.
 *
 * @example
 * stalenessFlags(current, ["metaxy_updated_at < '2024-01-01'"]); // Uint8Array [1, 0, …]
 */
export function stalenessFlags(
  current: Table,
  predicates: readonly (string | FilterExpr)[],
): Uint8Array | null {
  if (predicates.length === 0) return null;
  const flags = evaluateFilter(predicates[0]!, current);
  for (const p of predicates.slice(1)) {
    const next = evaluateFilter(p, current);
    for (let i = 0; i < flags.length; i++) flags[i]! |= next[i]!;
  }
  return flags;
}
