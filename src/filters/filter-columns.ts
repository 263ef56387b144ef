import type { FilterExpr } from "./filter-expr.js";

function collect(expr: FilterExpr, out: Set<string>): void {
  switch (expr.kind) {
    case "column":
      out.add(expr.name);
      return;
    case "literal":
      return;
    case "compare":
      collect(expr.left, out);
      collect(expr.right, out);
      return;
    case "in":
    case "isNull":
      out.add(expr.column.name);
      return;
    case "not":
      collect(expr.arg, out);
      return;
    case "and":
    case "or":
      for (const a of expr.args) collect(a, out);
      return;
  }
}

/**
 * Column names an expression reads, in first-use order, each once (dotted names as written, e.g.
 * `a.b`; project its top-level struct `a` when the table has no column `a.b`).
 *
 * @example
 * filterColumns(parseFilter("a = 1 OR b IS NULL OR a > 3")); // ["a", "b"]
 */
export function filterColumns(expr: FilterExpr): string[] {
  const out = new Set<string>();
  collect(expr, out);
  return [...out];
}
