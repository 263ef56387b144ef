/**
 * The filter expression IR: plain readonly objects with a `kind` discriminator. `parseFilter` and the
 * builders (`col`, `and`, …) produce it; `evaluateFilter`, `formatFilter`, `filterColumns` and
 * `mayMatchStats` consume it. Parsed and built trees are canonical: `and`/`or` have at least two
 * arguments, `x = NULL` is an `isNull` node, IN lists are non-empty, integers within ±(2^53 − 1) are
 * numbers and larger ones bigints. Canonical trees survive `parseFilter(formatFilter(e))` unchanged.
 *
 * @example
 * const e: FilterExpr = { kind: "compare", op: "=", left: { kind: "column", name: "x" }, right: { kind: "literal", value: 5 } };
 */

/**
 * A literal value: SQL string, number, big integer, boolean or NULL.
 *
 * @example
 * const values: FilterLiteral[] = ["a", 1.5, 9007199254740993n, true, null];
 */
export type FilterLiteral = string | number | bigint | boolean | null;

/**
 * Comparison operators; `<>` parses to `!=`.
 *
 * @example
 * const op: CompareOp = "<=";
 */
export type CompareOp = "=" | "!=" | "<" | "<=" | ">" | ">=";

/**
 * A column reference. A dotted name (`a.b`) names the column `a.b` when the table has one, else field
 * `b` of struct column `a` (deeper paths likewise).
 *
 * @example
 * const ref: ColumnRef = { kind: "column", name: METAXY_FEATURE_VERSION };
 */
export interface ColumnRef {
  readonly kind: "column";
  readonly name: string;
}

/**
 * A literal operand. As a whole predicate only TRUE, FALSE and NULL make sense.
 *
 * @example
 * const five: LiteralExpr = { kind: "literal", value: 5 };
 */
export interface LiteralExpr {
  readonly kind: "literal";
  readonly value: FilterLiteral;
}

/**
 * Either side of a comparison.
 *
 * @example
 * const side: Operand = { kind: "literal", value: "abc" };
 */
export type Operand = ColumnRef | LiteralExpr;

/**
 * `left op right`; either side may be a column or a literal.
 *
 * @example
 * const c: CompareExpr = { kind: "compare", op: "<", left: { kind: "column", name: "n" }, right: { kind: "literal", value: 3 } };
 */
export interface CompareExpr {
  readonly kind: "compare";
  readonly op: CompareOp;
  readonly left: Operand;
  readonly right: Operand;
}

/**
 * `column [NOT] IN (v1, v2, …)` with SQL semantics (a NULL in the list makes non-matches unknown).
 *
 * @example
 * const e: InExpr = { kind: "in", column: { kind: "column", name: "k" }, values: ["a", "b"], negated: false };
 */
export interface InExpr {
  readonly kind: "in";
  readonly column: ColumnRef;
  readonly values: readonly FilterLiteral[];
  readonly negated: boolean;
}

/**
 * `column IS [NOT] NULL`.
 *
 * @example
 * const e: IsNullExpr = { kind: "isNull", column: { kind: "column", name: "deleted_at" }, negated: false };
 */
export interface IsNullExpr {
  readonly kind: "isNull";
  readonly column: ColumnRef;
  readonly negated: boolean;
}

/**
 * Conjunction or disjunction of two or more expressions.
 *
 * @example
 * const e: LogicalExpr = { kind: "and", args: [{ kind: "column", name: "a" }, { kind: "column", name: "b" }] };
 */
export interface LogicalExpr {
  readonly kind: "and" | "or";
  readonly args: readonly FilterExpr[];
}

/**
 * Negation (Kleene: NOT NULL is NULL).
 *
 * @example
 * const e: NotExpr = { kind: "not", arg: { kind: "column", name: "is_active" } };
 */
export interface NotExpr {
  readonly kind: "not";
  readonly arg: FilterExpr;
}

/**
 * Any filter expression. A bare `ColumnRef` is a boolean column used as a condition; a bare
 * `LiteralExpr` is a constant condition (TRUE, FALSE or NULL).
 *
 * @example
 * const e: FilterExpr = { kind: "not", arg: { kind: "column", name: "is_active" } };
 */
export type FilterExpr = ColumnRef | LiteralExpr | CompareExpr | InExpr | IsNullExpr | LogicalExpr | NotExpr;
