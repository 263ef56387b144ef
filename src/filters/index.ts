/**
 * Filters: the SQL-WHERE subset of Python Metaxy as text or built in code, an expression IR,
 * evaluation on Arrow tables and file pruning from statistics.
 *
 * @example
 * import { col, filterTable } from "./filters/index.js";
 * filterTable(table, [`${METAXY_DELETED_AT} IS NULL`, col("n").gt(3)]);
 */
export { and, ColumnBuilder, col, lit, not, type OperandInput, or } from "./builders.js";
export { evaluateFilter } from "./evaluate-filter.js";
export { filterColumns } from "./filter-columns.js";
export type {
  ColumnRef,
  CompareExpr,
  CompareOp,
  FilterExpr,
  FilterLiteral,
  InExpr,
  IsNullExpr,
  LiteralExpr,
  LogicalExpr,
  NotExpr,
  Operand,
} from "./filter-expr.js";
export { filterTable } from "./filter-table.js";
export { formatColumn, formatFilter, formatLiteral } from "./format-filter.js";
export {
  type FileStats,
  type MayMatchOptions,
  mayMatchStats,
  type StatsValueKind,
} from "./may-match-stats.js";
export { parseFilter } from "./parse-filter.js";
export { toFilterExpr } from "./to-filter-expr.js";
