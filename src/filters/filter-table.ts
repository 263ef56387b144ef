import type { Table } from "apache-arrow";
import { evaluateTruth } from "./evaluate-truth.js";
import type { FilterExpr } from "./filter-expr.js";
import { TRUE } from "./run-kernel.js";
import { selectRows } from "./select-rows.js";
import { toFilterExpr } from "./to-filter-expr.js";

/**
 * The rows for which every filter is TRUE (NULL counts as false), in order. With no filters, or when
 * every row passes, the input table itself is returned (zero-copy).
 *
 * @throws FilterParseError for invalid filter text; MetadataSchemaError as for `evaluateFilter`.
 * @example
 * filterTable(table, [`${METAXY_DELETED_AT} IS NULL`, col("n").gt(3)]);
 */
export function filterTable(table: Table, exprs: readonly (string | FilterExpr)[]): Table {
  const parsed = exprs.map(toFilterExpr);
  if (parsed.length === 0) return table;
  const truth = evaluateTruth(parsed[0]!, table);
  for (const expr of parsed.slice(1)) {
    const next = evaluateTruth(expr, table);
    for (let i = 0; i < truth.length; i++) truth[i] = Math.min(next[i]!, truth[i]!);
  }
  let kept = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i] === TRUE) kept++;
  if (kept === table.numRows) return table;
  for (let i = 0; i < truth.length; i++) truth[i] = truth[i] === TRUE ? 1 : 0;
  return selectRows(table, truth);
}
