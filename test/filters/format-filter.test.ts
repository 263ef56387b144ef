import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import { and, col, lit, not, or } from "../../src/filters/builders.js";
import { filterColumns } from "../../src/filters/filter-columns.js";
import type { CompareOp, FilterExpr, FilterLiteral } from "../../src/filters/filter-expr.js";
import { formatColumn, formatFilter, formatLiteral } from "../../src/filters/format-filter.js";
import { parseFilter } from "../../src/filters/parse-filter.js";

describe("formatFilter", () => {
  const cases: [string, string][] = [
    ["a = 1", '"a" = 1'],
    ["a <> 'it''s'", "\"a\" != 'it''s'"],
    ["1 >= a", '1 >= "a"'],
    ["a.b IS NOT NULL", '"a"."b" IS NOT NULL'],
    ['"x""y" = TRUE', '"x""y" = TRUE'],
    ["a not in (1, 'x', NULL, -2.5)", "\"a\" NOT IN (1, 'x', NULL, -2.5)"],
    ["NOT a AND b OR c", 'NOT "a" AND "b" OR "c"'],
    ["NOT (a OR b) AND c", 'NOT ("a" OR "b") AND "c"'],
    ["(a AND b) AND c", '("a" AND "b") AND "c"'],
    ["(a OR b) OR c", '("a" OR "b") OR "c"'],
    ["a OR (b AND c)", '"a" OR "b" AND "c"'],
    ["NOT NOT a", 'NOT NOT "a"'],
    ["NOT a = 1", 'NOT "a" = 1'],
    ["a = 9223372036854775807", '"a" = 9223372036854775807'],
    ["null", "NULL"],
  ];
  it.each(cases)("%s", (text, sql) => {
    expect(formatFilter(parseFilter(text))).toBe(sql);
    expect(parseFilter(sql)).toStrictEqual(parseFilter(text));
  });

  it("writes literals so they parse back to the same value", () => {
    expect(formatLiteral(-0)).toBe("-0.0");
    expect(formatLiteral(1e21)).toBe("1e+21");
    expect(formatLiteral(2 ** 60)).toBe("1.152921504606847e+18");
    expect(formatLiteral(9007199254740993n)).toBe("9007199254740993");
    expect(formatLiteral(1e-7)).toBe("1e-7");
    expect(formatColumn("a..b")).toBe('"a..b"');
    expect(formatColumn("a.")).toBe('"a."');
    for (const v of [-0, 1e21, 2 ** 60, 1e-7, 0.1, -1.5e300, 5e-324]) {
      const e = parseFilter(`x = ${formatLiteral(v)}`);
      expect(e).toStrictEqual({
        kind: "compare",
        op: "=",
        left: { kind: "column", name: "x" },
        right: { kind: "literal", value: v },
      });
    }
    for (const name of ["a..b", "a.", ".a", 'q"uote', "AND"]) {
      expect(parseFilter(`${formatColumn(name)} IS NULL`)).toStrictEqual(col(name).isNull());
    }
  });

  it("writes empty IN lists of hand-built trees as constants", () => {
    const column = { kind: "column", name: "x" } as const;
    expect(formatFilter({ kind: "in", column, values: [], negated: false })).toBe("FALSE");
    expect(formatFilter({ kind: "in", column, values: [], negated: true })).toBe("TRUE");
  });
});

const names = fc.constantFrom("a", "b c", 'q"x', "AND", "s.f", "größe", "x.y.z");
const nonNull: fc.Arbitrary<FilterLiteral> = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.oneof(
    fc.bigInt({ min: 2n ** 53n, max: 2n ** 64n }),
    fc.bigInt({ min: -(2n ** 64n), max: -(2n ** 53n) }),
  ),
  fc.boolean(),
);
const ops = fc.constantFrom<CompareOp>("=", "!=", "<", "<=", ">", ">=");
const column = names.map((name) => ({ kind: "column", name }) as const);
const literal = (arb: fc.Arbitrary<FilterLiteral>) =>
  arb.map((value) => ({ kind: "literal", value }) as const);

const { expr } = fc.letrec<{ expr: FilterExpr; leaf: FilterExpr }>((tie) => ({
  leaf: fc.oneof(
    fc.record({ kind: fc.constant("compare"), op: ops, left: column, right: literal(nonNull) }),
    fc.record({ kind: fc.constant("compare"), op: ops, left: literal(nonNull), right: column }),
    fc.record({ kind: fc.constant("compare"), op: ops, left: column, right: column }),
    fc.record({
      kind: fc.constant("compare"),
      op: fc.constantFrom<CompareOp>("<", ">="),
      left: column,
      right: literal(fc.constant(null)),
    }),
    fc.record({
      kind: fc.constant("in"),
      column,
      values: fc.array(fc.oneof(nonNull, fc.constant(null)), { minLength: 1, maxLength: 4 }),
      negated: fc.boolean(),
    }),
    fc.record({ kind: fc.constant("isNull"), column, negated: fc.boolean() }),
    column,
    literal(fc.constantFrom(true, false, null)),
  ) as fc.Arbitrary<FilterExpr>,
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("leaf"),
    fc.record({ kind: fc.constant("not"), arg: tie("expr") }),
    fc.record({
      kind: fc.constantFrom("and", "or"),
      args: fc.array(tie("expr"), { minLength: 2, maxLength: 3 }),
    }),
  ) as fc.Arbitrary<FilterExpr>,
}));

describe("round trip", () => {
  it("parseFilter(formatFilter(e)) equals e for canonical trees", () => {
    fc.assert(
      fc.property(expr, (e) => {
        expect(parseFilter(formatFilter(e))).toEqual(e);
      }),
      { numRuns: 400 },
    );
  });
});

describe("builders", () => {
  const cases: [string, FilterExpr][] = [
    ["x = 5", col("x").eq(5)],
    ["x != 'a'", col("x").ne("a")],
    ["x < 1.5", col("x").lt(1.5)],
    ["x <= -2", col("x").le(-2)],
    ["x > 9007199254740993", col("x").gt(9007199254740993n)],
    ["x >= 5", col("x").ge(5n)],
    ["x = y", col("x").eq(col("y"))],
    ["x = TRUE", col("x").eq(lit(true))],
    ["x IS NULL", col("x").eq(null)],
    ["x IS NOT NULL", col("x").ne(lit(null))],
    ["x IN (1, 'a', NULL)", col("x").isIn([1, "a", null])],
    ["x NOT IN (2)", col("x").notIn([2n])],
    ["x IS NULL", col("x").isNull()],
    ["x IS NOT NULL", col("x").isNotNull()],
    ["ts >= '2024-01-02T00:00:00.000Z'", col("ts").ge(new Date(Date.UTC(2024, 0, 2)))],
    ["a = 1 AND b", and(col("a").eq(1), col("b"))],
    ["a OR b AND NOT c", or(col("a"), and(col("b"), not(col("c"))))],
    ["NOT is_active", not(col("is_active"))],
    ["a", and(col("a"))],
    ["TRUE", and()],
    ["FALSE", or()],
    ["FALSE", col("x").isIn([])],
    ["TRUE", col("x").notIn([])],
    ["s.f > 0", col("s.f").gt(0)],
  ];
  it.each(cases)("%s", (text, built) => {
    expect(built).toEqual(parseFilter(text));
    expect(JSON.parse(JSON.stringify(built, (_, v) => (typeof v === "bigint" ? `${v}n` : v)))).toStrictEqual(
      JSON.parse(JSON.stringify(parseFilter(text), (_, v) => (typeof v === "bigint" ? `${v}n` : v))),
    );
    expect(parseFilter(formatFilter(built))).toStrictEqual(parseFilter(text));
  });

  it("refuses values SQL cannot spell", () => {
    expect(() => col("x").eq(Number.NaN)).toThrow(InvalidArgumentError);
    expect(() => col("x").isIn([Number.POSITIVE_INFINITY])).toThrow(InvalidArgumentError);
    expect(() => lit(new Date(Number.NaN))).toThrow(InvalidArgumentError);
    expect(() => col("")).toThrow(InvalidArgumentError);
    try {
      col("x").lt(Number.NaN);
    } catch (e) {
      expect((e as InvalidArgumentError).code).toBe("INVALID_ARGUMENT");
      expect((e as Error).message).toBe("filters: literal NaN is not a finite number");
    }
  });
});

describe("filterColumns", () => {
  it("lists referenced columns once, in first-use order", () => {
    expect(
      filterColumns(parseFilter("b = 1 OR a IS NULL OR NOT (b > a) AND c IN (1) AND 1 < d.e AND flag")),
    ).toEqual(["b", "a", "c", "d.e", "flag"]);
    expect(filterColumns(parseFilter("TRUE"))).toEqual([]);
  });
});
