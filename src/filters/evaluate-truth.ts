import type { Table } from "apache-arrow";
import { MetadataSchemaError } from "../errors.js";
import { type Bound, coerceLiteral } from "./coerce-literal.js";
import { compareColumns } from "./compare-columns.js";
import { compareKernel } from "./compare-kernel.js";
import { compareValues } from "./compare-values.js";
import type { CompareExpr, CompareOp, FilterExpr, FilterLiteral, InExpr } from "./filter-expr.js";
import { formatLiteral } from "./format-filter.js";
import { inKernel } from "./in-kernel.js";
import { type ResolvedColumn, resolveColumn } from "./resolve-column.js";
import { FALSE, runKernel, TRUE, UNKNOWN } from "./run-kernel.js";
import { valueDomain } from "./value-domain.js";

const FLIPPED: Record<CompareOp, CompareOp> = {
  "=": "=",
  "!=": "!=",
  "<": ">",
  "<=": ">=",
  ">": "<",
  ">=": "<=",
};
const HOLDS: Record<CompareOp, (c: number) => boolean> = {
  "=": (c) => c === 0,
  "!=": (c) => c !== 0,
  "<": (c) => c < 0,
  "<=": (c) => c <= 0,
  ">": (c) => c > 0,
  ">=": (c) => c >= 0,
};

function incomparable(column: ResolvedColumn, value: FilterLiteral): MetadataSchemaError {
  return new MetadataSchemaError(
    `filters: cannot compare column ${JSON.stringify(column.name)} (${column.type}) with ${formatLiteral(value)}`,
  );
}

function bound(column: ResolvedColumn, value: FilterLiteral): Bound {
  const b = coerceLiteral(valueDomain(column.type), value);
  if (b === null) throw incomparable(column, value);
  return b;
}

function compare(expr: CompareExpr, table: Table, out: Uint8Array): void {
  let { left, right, op } = expr;
  if (left.kind === "literal" && right.kind === "column") {
    [left, right, op] = [right, left, FLIPPED[op]];
  }
  if (left.kind === "literal" && right.kind === "literal") {
    if (left.value === null || right.value === null) return void out.fill(UNKNOWN);
    const c = compareValues(left.value, right.value);
    if (c === null) {
      throw new MetadataSchemaError(
        `filters: cannot compare ${formatLiteral(left.value)} with ${formatLiteral(right.value)}`,
      );
    }
    return void out.fill(HOLDS[op](c) ? TRUE : FALSE);
  }
  if (left.kind !== "column") return;
  const column = resolveColumn(table, left.name);
  if (right.kind === "column") compareColumns(column, op, resolveColumn(table, right.name), out);
  else if (right.value === null) out.fill(UNKNOWN);
  else runKernel(column, compareKernel(op, bound(column, right.value)), UNKNOWN, out);
}

function membership(expr: InExpr, table: Table, out: Uint8Array): void {
  const column = resolveColumn(table, expr.column.name);
  const present = expr.values.filter((v) => v !== null);
  const bounds = present.map((v) => bound(column, v));
  runKernel(column, inKernel(bounds, present.length < expr.values.length, expr.negated), UNKNOWN, out);
}

/**
 * Evaluates an expression to one Kleene truth byte per row (FALSE 0, UNKNOWN 1, TRUE 2), so that
 * AND is min, OR is max and NOT is `2 - v`.
 *
 * @throws MetadataSchemaError for a missing column or a comparison its type does not allow.
 * @example
 * evaluateTruth(parseFilter("a > 1 OR b IS NULL"), table); // Uint8Array [2, 0, 1, …]
 */
export function evaluateTruth(expr: FilterExpr, table: Table): Uint8Array {
  const out = new Uint8Array(table.numRows);
  switch (expr.kind) {
    case "literal":
      if (expr.value !== null && typeof expr.value !== "boolean") {
        throw new MetadataSchemaError(`filters: literal ${formatLiteral(expr.value)} is not a condition`);
      }
      return out.fill(expr.value === null ? UNKNOWN : expr.value ? TRUE : FALSE);
    case "column": {
      const column = resolveColumn(table, expr.name);
      const kind = valueDomain(column.type).kind;
      if (kind !== "bool" && kind !== "null") {
        throw new MetadataSchemaError(
          `filters: column ${JSON.stringify(expr.name)} (${column.type}) is not boolean; compare it with a value`,
        );
      }
      runKernel(column, compareKernel("=", { kind: "bool", value: 1 }), UNKNOWN, out);
      return out;
    }
    case "compare":
      compare(expr, table, out);
      return out;
    case "in":
      membership(expr, table, out);
      return out;
    case "isNull": {
      const valueNotNull = expr.negated ? TRUE : FALSE;
      const valueNull = expr.negated ? FALSE : TRUE;
      runKernel(
        resolveColumn(table, expr.column.name),
        (d, o, at) => o.fill(valueNotNull, at, at + d.length),
        valueNull,
        out,
      );
      return out;
    }
    case "not": {
      const inner = evaluateTruth(expr.arg, table);
      for (let i = 0; i < inner.length; i++) inner[i] = TRUE - inner[i]!;
      return inner;
    }
    case "and":
    case "or": {
      const acc = evaluateTruth(expr.args[0]!, table);
      for (const arg of expr.args.slice(1)) {
        const next = evaluateTruth(arg, table);
        if (expr.kind === "and") for (let i = 0; i < acc.length; i++) acc[i] = Math.min(next[i]!, acc[i]!);
        else for (let i = 0; i < acc.length; i++) acc[i] = Math.max(next[i]!, acc[i]!);
      }
      return acc;
    }
  }
}
