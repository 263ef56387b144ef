import { InvalidArgumentError } from "../errors.js";
import type {
  ColumnRef,
  CompareExpr,
  CompareOp,
  FilterExpr,
  FilterLiteral,
  InExpr,
  IsNullExpr,
  LiteralExpr,
  Operand,
} from "./filter-expr.js";

/**
 * What builder methods accept on the right-hand side: a value, a `Date` (as ISO text) or an operand.
 *
 * @example
 * const v: OperandInput = new Date("2024-01-01T00:00:00Z");
 */
export type OperandInput = FilterLiteral | Date | Operand;

/**
 * Canonical literal value: a `Date` becomes its ISO string, a bigint within ±(2^53 − 1) a number
 * (so built and parsed trees compare equal); non-finite numbers are refused (SQL has no spelling).
 *
 * @example
 * normalizeLiteral(5n); // 5
 */
export function normalizeLiteral(value: FilterLiteral | Date): FilterLiteral {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new InvalidArgumentError("filters: invalid Date literal");
    return value.toISOString();
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new InvalidArgumentError(`filters: literal ${value} is not a finite number`);
  }
  if (
    typeof value === "bigint" &&
    value >= BigInt(Number.MIN_SAFE_INTEGER) &&
    value <= BigInt(Number.MAX_SAFE_INTEGER)
  ) {
    return Number(value);
  }
  return value;
}

/**
 * A literal operand.
 *
 * @example
 * col("a").eq(lit(5)); // same as col("a").eq(5)
 */
export function lit(value: FilterLiteral | Date): LiteralExpr {
  return { kind: "literal", value: normalizeLiteral(value) };
}

function toOperand(input: OperandInput): Operand {
  if (input !== null && typeof input === "object" && !(input instanceof Date)) {
    return input.kind === "column" ? { kind: "column", name: input.name } : lit(input.value);
  }
  return lit(input);
}

/**
 * A column reference with comparison methods. It is itself a `ColumnRef`, so a bare `col("flag")` is
 * a boolean-column condition.
 *
 * @example
 * and(col(METAXY_FEATURE_VERSION).eq("abc"), col("n").isIn([1, 2]), not(col("is_active")));
 */
export class ColumnBuilder implements ColumnRef {
  readonly kind = "column" as const;
  readonly name: string;

  constructor(name: string) {
    if (name.length === 0) throw new InvalidArgumentError("filters: column name must not be empty");
    this.name = name;
  }

  /** `column = value`; `eq(null)` is `IS NULL`, as in the SQL text form. */
  eq(value: OperandInput): CompareExpr | IsNullExpr {
    return this.compare("=", value);
  }
  /** `column != value`; `ne(null)` is `IS NOT NULL`. */
  ne(value: OperandInput): CompareExpr | IsNullExpr {
    return this.compare("!=", value);
  }
  /** `column < value`. */
  lt(value: OperandInput): CompareExpr {
    return this.compare("<", value) as CompareExpr;
  }
  /** `column <= value`. */
  le(value: OperandInput): CompareExpr {
    return this.compare("<=", value) as CompareExpr;
  }
  /** `column > value`. */
  gt(value: OperandInput): CompareExpr {
    return this.compare(">", value) as CompareExpr;
  }
  /** `column >= value`. */
  ge(value: OperandInput): CompareExpr {
    return this.compare(">=", value) as CompareExpr;
  }
  /** `column IN (values)`; an empty list is the constant FALSE. */
  isIn(values: readonly (FilterLiteral | Date)[]): InExpr | LiteralExpr {
    return this.membership(values, false);
  }
  /** `column NOT IN (values)`; an empty list is the constant TRUE. */
  notIn(values: readonly (FilterLiteral | Date)[]): InExpr | LiteralExpr {
    return this.membership(values, true);
  }
  /** `column IS NULL`. */
  isNull(): IsNullExpr {
    return { kind: "isNull", column: this.ref(), negated: false };
  }
  /** `column IS NOT NULL`. */
  isNotNull(): IsNullExpr {
    return { kind: "isNull", column: this.ref(), negated: true };
  }

  private ref(): ColumnRef {
    return { kind: "column", name: this.name };
  }

  private compare(op: CompareOp, value: OperandInput): CompareExpr | IsNullExpr {
    const right = toOperand(value);
    if (right.kind === "literal" && right.value === null && (op === "=" || op === "!=")) {
      return { kind: "isNull", column: this.ref(), negated: op === "!=" };
    }
    return { kind: "compare", op, left: this.ref(), right };
  }

  private membership(values: readonly (FilterLiteral | Date)[], negated: boolean): InExpr | LiteralExpr {
    if (values.length === 0) return { kind: "literal", value: negated };
    return { kind: "in", column: this.ref(), values: values.map(normalizeLiteral), negated };
  }
}

/**
 * Starts a condition on a column (dotted names reach into struct columns).
 *
 * @example
 * col(METAXY_FEATURE_VERSION).eq("abc");
 */
export function col(name: string): ColumnBuilder {
  return new ColumnBuilder(name);
}

/** Copies a builder instance into a plain `ColumnRef` so built trees hold plain objects only. */
function plain(expr: FilterExpr): FilterExpr {
  return expr instanceof ColumnBuilder ? { kind: "column", name: expr.name } : expr;
}

/**
 * Conjunction; `and()` is TRUE and `and(x)` is `x`.
 *
 * @example
 * and(col("a").gt(1), col("b").isNotNull());
 */
export function and(...args: readonly FilterExpr[]): FilterExpr {
  if (args.length === 0) return { kind: "literal", value: true };
  if (args.length === 1) return plain(args[0]!);
  return { kind: "and", args: args.map(plain) };
}

/**
 * Disjunction; `or()` is FALSE and `or(x)` is `x`.
 *
 * @example
 * or(col("a").eq(1), col("a").isNull());
 */
export function or(...args: readonly FilterExpr[]): FilterExpr {
  if (args.length === 0) return { kind: "literal", value: false };
  if (args.length === 1) return plain(args[0]!);
  return { kind: "or", args: args.map(plain) };
}

/**
 * Negation with SQL three-valued logic (NOT NULL stays NULL).
 *
 * @example
 * not(col("is_active"));
 */
export function not(arg: FilterExpr): FilterExpr {
  return { kind: "not", arg: plain(arg) };
}
