import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { Bool, Field, Float64, Int32, Int64, Struct, Table, Utf8, vectorFromArray } from "apache-arrow";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateFilter } from "../../src/filters/evaluate-filter.js";
import type { CompareOp, FilterExpr, FilterLiteral } from "../../src/filters/filter-expr.js";
import { formatFilter, formatLiteral } from "../../src/filters/format-filter.js";
import { parseFilter } from "../../src/filters/parse-filter.js";
import { rowsOf } from "./helpers.js";

// Our evaluator and DuckDB must select the same rows for the SQL that formatFilter writes.
const ROWS = 24;
const pickAt = <T>(values: readonly T[], i: number, nullEvery: number): T | null =>
  i % nullEvery === nullEvery - 1 ? null : values[(i * 7 + 3) % values.length]!;
const data = Array.from({ length: ROWS }, (_, i) => ({
  i,
  n: pickAt([-3, -1, 0, 1, 2, 3], i, 5),
  big: pickAt([0n, 5n, -7n, 9007199254740993n, -9223372036854775808n, 9223372036854775807n], i, 6),
  f: pickAt([-1.5, 0, 2.25, 3, 1e-7], i, 7),
  s: pickAt(["a", "b", "ab", "", "é", "𝄞", "it's", "\uffff"], i, 4),
  b: pickAt([true, false, true], i, 3),
  st: i % 9 === 8 ? null : { x: pickAt([1, 2, 3], i, 4), y: pickAt(["a", "é", "zz"], i, 5) },
}));

const table = new Table({
  i: vectorFromArray(
    data.map((r) => r.i),
    new Int32(),
  ),
  n: vectorFromArray(
    data.map((r) => r.n),
    new Int32(),
  ),
  big: vectorFromArray(
    data.map((r) => r.big),
    new Int64(),
  ),
  f: vectorFromArray(
    data.map((r) => r.f),
    new Float64(),
  ),
  s: vectorFromArray(
    data.map((r) => r.s),
    new Utf8(),
  ),
  b: vectorFromArray(
    data.map((r) => r.b),
    new Bool(),
  ),
  st: vectorFromArray(
    data.map((r) => r.st),
    new Struct([new Field("x", new Int32(), true), new Field("y", new Utf8(), true)]),
  ),
});

const sqlValue = (v: FilterLiteral) => formatLiteral(v);
const structValue = (v: (typeof data)[number]["st"]) =>
  v === null ? "NULL" : `{'x': ${sqlValue(v.x)}, 'y': ${sqlValue(v.y)}}`;

let db: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
  db = await DuckDBInstance.create(":memory:");
  conn = await db.connect();
  await conn.run(
    "CREATE TABLE t (i INTEGER, n INTEGER, big BIGINT, f DOUBLE, s VARCHAR, b BOOLEAN, st STRUCT(x INTEGER, y VARCHAR))",
  );
  const values = data
    .map(
      (r) =>
        `(${r.i}, ${sqlValue(r.n)}, ${sqlValue(r.big)}, ${sqlValue(r.f)}, ${sqlValue(r.s)}, ${sqlValue(r.b)}, ${structValue(r.st)})`,
    )
    .join(", ");
  await conn.run(`INSERT INTO t VALUES ${values}`);
});

afterAll(() => {
  conn?.closeSync();
  db?.closeSync();
});

async function duckRows(expr: FilterExpr): Promise<number[]> {
  const result = await conn.runAndReadAll(`SELECT i FROM t WHERE ${formatFilter(expr)} ORDER BY i`);
  return result.getRows().map((row) => Number(row[0]));
}

const numericColumns = fc.constantFrom("n", "big", "f", "st.x");
const stringColumns = fc.constantFrom("s", "st.y");
const numbers = fc.constantFrom<FilterLiteral>(
  -4,
  -3,
  -1.5,
  0,
  1,
  2,
  2.25,
  3,
  9007199254740993n,
  -9223372036854775808n,
);
const strings = fc.constantFrom<FilterLiteral>("a", "b", "ab", "", "é", "𝄞", "zz", "it's", "\uffff");
const ops = fc.constantFrom<CompareOp>("=", "!=", "<", "<=", ">", ">=");
const column = (names: fc.Arbitrary<string>) => names.map((name) => ({ kind: "column", name }) as const);
const literal = (values: fc.Arbitrary<FilterLiteral>) =>
  values.map((value) => ({ kind: "literal", value }) as const);

function family(
  columns: fc.Arbitrary<string>,
  values: fc.Arbitrary<FilterLiteral>,
): fc.Arbitrary<FilterExpr> {
  return fc.oneof(
    fc.record({ kind: fc.constant("compare"), op: ops, left: column(columns), right: literal(values) }),
    fc.record({ kind: fc.constant("compare"), op: ops, left: literal(values), right: column(columns) }),
    fc.record({ kind: fc.constant("compare"), op: ops, left: column(columns), right: column(columns) }),
    fc.record({
      kind: fc.constant("in"),
      column: column(columns),
      values: fc.array(
        fc.oneof({ weight: 4, arbitrary: values }, { weight: 1, arbitrary: fc.constant(null) }),
        {
          minLength: 1,
          maxLength: 4,
        },
      ),
      negated: fc.boolean(),
    }),
  ) as fc.Arbitrary<FilterExpr>;
}

const { expr } = fc.letrec<{ expr: FilterExpr; leaf: FilterExpr }>((tie) => ({
  leaf: fc.oneof(
    family(numericColumns, numbers),
    family(stringColumns, strings),
    fc.record({
      kind: fc.constant("isNull"),
      column: column(fc.constantFrom("n", "s", "st", "st.x", "b")),
      negated: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant("compare"),
      op: ops,
      left: column(fc.constant("b")),
      right: literal(fc.boolean()),
    }),
    fc.record({
      kind: fc.constant("compare"),
      op: fc.constantFrom<CompareOp>("<", ">="),
      left: column(numericColumns),
      right: literal(fc.constant(null)),
    }),
    fc.record({
      kind: fc.constant("compare"),
      op: ops,
      left: literal(fc.constantFrom(1, 2)),
      right: literal(fc.constantFrom(1, 2.5)),
    }),
    column(fc.constant("b")),
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

describe("agreement with DuckDB", () => {
  const examples = [
    "n IN (1, NULL)",
    "n NOT IN (1, NULL)",
    "NOT (n > 0 AND s = 'a') OR b",
    "big > 9007199254740992",
    "st.x >= 2 AND st.y IS NOT NULL",
    "st IS NULL OR st.x IS NULL",
    "s > 'é' OR s < ''",
    "f <= n",
  ];
  it.each(examples)("%s", async (text) => {
    const e = parseFilter(text);
    expect(rowsOf(evaluateFilter(e, table))).toEqual(await duckRows(e));
  });

  it("selects the same rows for random typed expressions", async () => {
    await fc.assert(
      fc.asyncProperty(expr, async (e) => {
        expect(rowsOf(evaluateFilter(e, table))).toEqual(await duckRows(e));
      }),
      { numRuns: 250 },
    );
  });
});
