import { describe, expect, it } from "vitest";
import { FilterParseError } from "../../src/errors.js";
import type { FilterExpr, FilterLiteral } from "../../src/filters/filter-expr.js";
import { parseFilter } from "../../src/filters/parse-filter.js";
import { toFilterExpr } from "../../src/filters/to-filter-expr.js";

const c = (name: string) => ({ kind: "column", name }) as const;
const l = (value: FilterLiteral) => ({ kind: "literal", value }) as const;
const cmp = (left: FilterExpr, op: string, right: FilterExpr) => ({ kind: "compare", op, left, right });

describe("parseFilter accepts the Metaxy subset", () => {
  const cases: [string, unknown][] = [
    ["a = 1", cmp(c("a"), "=", l(1))],
    ["a != 1", cmp(c("a"), "!=", l(1))],
    ["a <> 1", cmp(c("a"), "!=", l(1))],
    ["a < 1", cmp(c("a"), "<", l(1))],
    ["a <= 1", cmp(c("a"), "<=", l(1))],
    ["a > 1", cmp(c("a"), ">", l(1))],
    ["a >= 1", cmp(c("a"), ">=", l(1))],
    ["a>=1", cmp(c("a"), ">=", l(1))],
    ["1 < a", cmp(l(1), "<", c("a"))],
    ["a = b", cmp(c("a"), "=", c("b"))],
    ["a = 'it''s'", cmp(c("a"), "=", l("it's"))],
    ["a = ''", cmp(c("a"), "=", l(""))],
    ["a = 'ünï 𝄞'", cmp(c("a"), "=", l("ünï 𝄞"))],
    ["a = -5", cmp(c("a"), "=", l(-5))],
    ["a = - 5", cmp(c("a"), "=", l(-5))],
    ["a = 1.5", cmp(c("a"), "=", l(1.5))],
    ["a = .5", cmp(c("a"), "=", l(0.5))],
    ["a = 1.", cmp(c("a"), "=", l(1))],
    ["a = -2.5e-3", cmp(c("a"), "=", l(-0.0025))],
    ["a = 1E3", cmp(c("a"), "=", l(1000))],
    ["a = 007", cmp(c("a"), "=", l(7))],
    ["a = 9007199254740991", cmp(c("a"), "=", l(9007199254740991))],
    ["a = 9007199254740992", cmp(c("a"), "=", l(9007199254740992n))],
    ["a = 18446744073709551615", cmp(c("a"), "=", l(18446744073709551615n))],
    ["a = -9223372036854775808", cmp(c("a"), "=", l(-9223372036854775808n))],
    ["a = TRUE", cmp(c("a"), "=", l(true))],
    ["a = false", cmp(c("a"), "=", l(false))],
    ["a < NULL", cmp(c("a"), "<", l(null))],
    ["a = NULL", { kind: "isNull", column: c("a"), negated: false }],
    ["NULL = a", { kind: "isNull", column: c("a"), negated: false }],
    ["a != NULL", { kind: "isNull", column: c("a"), negated: true }],
    ["a <> null", { kind: "isNull", column: c("a"), negated: true }],
    ["NULL = NULL", cmp(l(null), "=", l(null))],
    ["a IS NULL", { kind: "isNull", column: c("a"), negated: false }],
    ["a is not null", { kind: "isNull", column: c("a"), negated: true }],
    [
      "a IN (1, 'x', -2, NULL, TRUE)",
      { kind: "in", column: c("a"), values: [1, "x", -2, null, true], negated: false },
    ],
    ["a NOT IN ('x')", { kind: "in", column: c("a"), values: ["x"], negated: true }],
    ["a not in (1,2)", { kind: "in", column: c("a"), values: [1, 2], negated: true }],
    ["NOT a IN (1)", { kind: "not", arg: { kind: "in", column: c("a"), values: [1], negated: false } }],
    ["is_active", c("is_active")],
    ["NOT is_active", { kind: "not", arg: c("is_active") }],
    ["NOT NOT x", { kind: "not", arg: { kind: "not", arg: c("x") } }],
    ["TRUE", l(true)],
    ["null", l(null)],
    ["(a)", c("a")],
    ["(a) = 1", cmp(c("a"), "=", l(1))],
    ["a = (1)", cmp(c("a"), "=", l(1))],
    ["((a = 1))", cmp(c("a"), "=", l(1))],
    ["a.b = 1", cmp(c("a.b"), "=", l(1))],
    ["a.b.c IS NULL", { kind: "isNull", column: c("a.b.c"), negated: false }],
    ['"a.b" = 1', cmp(c("a.b"), "=", l(1))],
    ['"my col" = 1', cmp(c("my col"), "=", l(1))],
    ['"say ""hi""" = 1', cmp(c('say "hi"'), "=", l(1))],
    ['"AND" = 1', cmp(c("AND"), "=", l(1))],
    ["t.in = 1", cmp(c("t.in"), "=", l(1))],
    ["_x1$ = 1", cmp(c("_x1$"), "=", l(1))],
    ["größe > 3", cmp(c("größe"), ">", l(3))],
    ["  a  =  1  ", cmp(c("a"), "=", l(1))],
    ["a\n=\t1", cmp(c("a"), "=", l(1))],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(parseFilter(text)).toStrictEqual(expected);
  });

  it("keeps integers beyond 2^53 exact as bigint", () => {
    const e = parseFilter("a = 9007199254740993");
    expect(e).toStrictEqual(cmp(c("a"), "=", l(9007199254740993n)));
  });
});

describe("precedence and grouping", () => {
  const a = c("a");
  const b = c("b");
  const d = c("d");
  const cases: [string, unknown][] = [
    ["a AND b OR d", { kind: "or", args: [{ kind: "and", args: [a, b] }, d] }],
    ["a OR b AND d", { kind: "or", args: [a, { kind: "and", args: [b, d] }] }],
    ["NOT a AND b", { kind: "and", args: [{ kind: "not", arg: a }, b] }],
    ["NOT a OR b", { kind: "or", args: [{ kind: "not", arg: a }, b] }],
    ["NOT (a OR b)", { kind: "not", arg: { kind: "or", args: [a, b] } }],
    ["(a OR b) AND d", { kind: "and", args: [{ kind: "or", args: [a, b] }, d] }],
    ["a AND b AND d", { kind: "and", args: [a, b, d] }],
    ["a or b OR d", { kind: "or", args: [a, b, d] }],
    ["(a AND b) AND d", { kind: "and", args: [{ kind: "and", args: [a, b] }, d] }],
    ["NOT x = 1", { kind: "not", arg: cmp(c("x"), "=", l(1)) }],
    [
      "NOT x IS NULL AND y",
      {
        kind: "and",
        args: [{ kind: "not", arg: { kind: "isNull", column: c("x"), negated: false } }, c("y")],
      },
    ],
    ["a = 1 aNd b = 2", { kind: "and", args: [cmp(a, "=", l(1)), cmp(b, "=", l(2))] }],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(parseFilter(text)).toStrictEqual(expected);
  });
});

describe("parseFilter rejects everything else", () => {
  const ops = "an operator (=, !=, <>, <, <=, >, >=, IN, NOT IN, IS)";
  const cases: [string, string][] = [
    ["", `at position 1: expected a condition (a column, a literal, NOT or "("), got end of input`],
    ["   ", `at position 4: expected a condition (a column, a literal, NOT or "("), got end of input`],
    ["x BETWEEN 1 AND 2", `at position 3: expected ${ops}, AND, OR or end of input, got "BETWEEN"`],
    ["x LIKE 'a%'", `at position 3: expected ${ops}, AND, OR or end of input, got "LIKE"`],
    ["lower(x) = 'a'", `at position 6: expected ${ops}, AND, OR or end of input, got "("`],
    ["x + 1 = 2", `at position 3: expected ${ops}, AND, OR or end of input, got "+"`],
    ["x = 1 + 2", `at position 7: expected AND, OR or end of input, got "+"`],
    ["x = 1 garbage", `at position 7: expected AND, OR or end of input, got "garbage"`],
    ["x = 'abc", `at position 9: expected ' to close the string opened at 5, got end of input`],
    ['"abc = 1', `at position 9: expected " to close the quoted identifier opened at 1, got end of input`],
    ['"" = 1', `at position 1: expected a column name, got an empty quoted identifier`],
    ["x =", `at position 4: expected a column, a literal or "(", got end of input`],
    ["= 1", `at position 1: expected a condition (a column, a literal, NOT or "("), got "="`],
    ["x == 1", `at position 4: expected a column, a literal or "(", got "="`],
    ["(x = 1", `at position 7: expected AND, OR or ")", got end of input`],
    ["x = 1)", `at position 6: expected AND, OR or end of input, got ")"`],
    ["x IN ()", `at position 7: expected a literal (a 'string', a number, TRUE, FALSE or NULL), got ")"`],
    ["x IN (y)", `at position 7: expected a literal (a 'string', a number, TRUE, FALSE or NULL), got "y"`],
    ["x IN 1", `at position 6: expected "(" after IN, got "1"`],
    ["x IN (1 2)", `at position 9: expected "," or ")" in the IN list, got "2"`],
    ["1 IN (1)", `at position 1: expected a column on the left of IN, got "1"`],
    ["'a' NOT IN (1)", `at position 1: expected a column on the left of NOT IN, got "'a'"`],
    ["5 IS NULL", `at position 1: expected a column before IS, got "5"`],
    ["x IS 5", `at position 6: expected NULL or NOT NULL after IS, got "5"`],
    ["x IS NOT TRUE", `at position 10: expected NULL after IS NOT, got "TRUE"`],
    ["x NOT = 1", `at position 3: expected ${ops}, AND, OR or end of input, got "NOT"`],
    ["5", `at position 2: expected ${ops}, AND, OR or end of input, got end of input`],
    ["'a' AND b", `at position 5: expected ${ops}, AND, OR or end of input, got "AND"`],
    ["x = -y", `at position 6: expected a number after "-", got "y"`],
    ["x = --1", `at position 6: expected a number after "-", got "-"`],
    ["x = 1e999", `at position 5: expected a finite number, got "1e999"`],
    ["a. = 1", `at position 4: expected a field name after ".", got "="`],
    ["x = 1 AND", `at position 10: expected a condition (a column, a literal, NOT or "("), got end of input`],
    ["NOT", `at position 4: expected a condition (a column, a literal, NOT or "("), got end of input`],
    ["x = 1; DROP TABLE t", `at position 6: expected AND, OR or end of input, got ";"`],
    ["x = 1 -- comment", `at position 7: expected AND, OR or end of input, got "-"`],
    ["(a = 1) = TRUE", `at position 9: expected AND, OR or end of input, got "="`],
    ["𝄞 = 1", `at position 1: expected a condition (a column, a literal, NOT or "("), got "𝄞"`],
    ["'𝄞' = 1 x", `at position 9: expected AND, OR or end of input, got "x"`],
    ["x = 1 AND (y = 2) z", `at position 19: expected AND, OR or end of input, got "z"`],
    ["(x z)", `at position 4: expected ${ops}, ")", AND, OR or end of input, got "z"`],
  ];
  it.each(cases)("%s", (text, message) => {
    let error: unknown;
    try {
      parseFilter(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FilterParseError);
    expect((error as FilterParseError).code).toBe("FILTER_PARSE");
    expect((error as Error).message).toBe(`filters: invalid filter ${JSON.stringify(text)} ${message}`);
  });
});

describe("toFilterExpr", () => {
  it("parses text and passes expressions through unchanged", () => {
    const e = cmp(c("a"), "=", l(1)) as FilterExpr;
    expect(toFilterExpr("a = 1")).toStrictEqual(e);
    expect(toFilterExpr(e)).toBe(e);
    expect(() => toFilterExpr("a ==")).toThrow(FilterParseError);
  });
});
