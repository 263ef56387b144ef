import type { FilterExpr, FilterLiteral, Operand } from "./filter-expr.js";

/**
 * A SQL literal: `'it''s'`, `42`, `-1.5`, `1e+21`, `TRUE`, `NULL`. Integers beyond 2^53 held as
 * numbers are written with an exponent so they parse back as floats, not as exact bigints.
 *
 * @example
 * formatLiteral("it's"); // "'it''s'"
 */
export function formatLiteral(value: FilterLiteral): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return `'${value.replaceAll("'", "''")}'`;
  if (typeof value === "bigint") return String(value);
  if (Object.is(value, -0)) return "-0.0";
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) return value.toExponential();
  return String(value);
}

/**
 * A double-quoted identifier; a dotted name becomes a quoted path (`"a"."b"`), which DuckDB reads as
 * a struct field access, unless a part would be empty.
 *
 * @example
 * formatColumn("a.b"); // '"a"."b"'
 */
export function formatColumn(name: string): string {
  const parts = name.split(".");
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  return parts.some((p) => p.length === 0) ? quote(name) : parts.map(quote).join(".");
}

function operand(o: Operand): string {
  return o.kind === "column" ? formatColumn(o.name) : formatLiteral(o.value);
}

/** Wraps a child in parentheses when it would otherwise regroup on re-parse. */
function child(expr: FilterExpr, parent: "and" | "or" | "not"): string {
  const needs = expr.kind === "or" || (expr.kind === "and" && parent !== "or");
  const text = formatFilter(expr);
  return needs ? `(${text})` : text;
}

/**
 * SQL text for an expression: `parseFilter(formatFilter(e))` equals `e` for parsed or built trees, and
 * the text is valid DuckDB SQL (identifiers double-quoted).
 *
 * @example
 * formatFilter(and(col("a").eq(1), not(col("b")))); // '"a" = 1 AND NOT "b"'
 */
export function formatFilter(expr: FilterExpr): string {
  switch (expr.kind) {
    case "column":
    case "literal":
      return operand(expr);
    case "compare":
      return `${operand(expr.left)} ${expr.op} ${operand(expr.right)}`;
    case "in":
      if (expr.values.length === 0) return expr.negated ? "TRUE" : "FALSE";
      return `${formatColumn(expr.column.name)} ${expr.negated ? "NOT IN" : "IN"} (${expr.values.map(formatLiteral).join(", ")})`;
    case "isNull":
      return `${formatColumn(expr.column.name)} IS ${expr.negated ? "NOT NULL" : "NULL"}`;
    case "not":
      return `NOT ${child(expr.arg, "not")}`;
    case "and":
    case "or":
      return expr.args.map((a) => child(a, expr.kind)).join(expr.kind === "and" ? " AND " : " OR ");
  }
}
