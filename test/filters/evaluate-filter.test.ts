import {
  DateMillisecond,
  Dictionary,
  Field,
  Float32,
  Int8,
  Int32,
  LargeUtf8,
  makeData,
  makeVector,
  Struct,
  Table,
  TimestampNanosecond,
  TimestampSecond,
  tableFromIPC,
  tableToIPC,
  Uint32,
  Utf8,
  vectorFromArray,
} from "apache-arrow";
import { describe, expect, it } from "vitest";
import { MetadataSchemaError } from "../../src/errors.js";
import { col, lit } from "../../src/filters/builders.js";
import { evaluateFilter } from "../../src/filters/evaluate-filter.js";
import type { FilterExpr } from "../../src/filters/filter-expr.js";
import { parseFilter } from "../../src/filters/parse-filter.js";
import { rowsOf, sampleTable, utf8View } from "./helpers.js";

const table = sampleTable();
const rows = (filter: string | FilterExpr, t: Table = table) => rowsOf(evaluateFilter(filter, t));

/** [filter, matching rows]; row 2 is null in every plain column. */
type Case = [string, number[]];

describe("evaluateFilter: Int32 with nulls", () => {
  const cases: Case[] = [
    ["n = 2", [1]],
    ["n != 2", [0, 3, 4]],
    ["n <> 2", [0, 3, 4]],
    ["n < 2", [0, 4]],
    ["n <= 2", [0, 1, 4]],
    ["n > 2", [3]],
    ["n >= 2", [1, 3]],
    ["2 > n", [0, 4]],
    ["2 <= n", [1, 3]],
    ["NOT n = 2", [0, 3, 4]],
    ["n = 1.5", []],
    ["n != 1.5", [0, 1, 3, 4]],
    ["n < 1.5", [0, 4]],
    ["n <= 1.5", [0, 4]],
    ["n > 1.5", [1, 3]],
    ["n >= 1.5", [1, 3]],
    ["n > -5.5", [0, 1, 3, 4]],
    ["n < 9007199254740993", [0, 1, 3, 4]],
    ["n IN (1, 4)", [0, 3]],
    ["n IN (1, 4.5)", [0]],
    ["n NOT IN (1, 4)", [1, 4]],
    ["n IN (1, NULL)", [0]],
    ["n NOT IN (1, NULL)", []],
    ["NOT n IN (1, NULL)", []],
    ["n IS NULL", [2]],
    ["n IS NOT NULL", [0, 1, 3, 4]],
    ["n = NULL", [2]],
    ["n != NULL", [0, 1, 3, 4]],
    ["n < NULL", []],
    ["NOT n < NULL", []],
    ["n = 2 OR n IS NULL", [1, 2]],
    ["n > 0 AND n < 4", [0, 1]],
    ["NOT (n > 0 AND n < 4)", [3, 4]],
    ["n > 0 OR n < 0", [0, 1, 3, 4]],
    ["NOT (n > 10 OR n < 0)", [0, 1, 3]],
  ];
  it.each(cases)("%s", (f, expected) => expect(rows(f)).toEqual(expected));
});

describe("evaluateFilter: 64-bit integers compared exactly", () => {
  const cases: Case[] = [
    ["big = 9007199254740993", [1]],
    ["big = 9007199254740992", []],
    ["big > 9007199254740992", [1, 4]],
    ["big < 0", [3]],
    ["big = -9223372036854775808", [3]],
    ["big >= -9223372036854775808", [0, 1, 3, 4]],
    ["big = 9223372036854775807", [4]],
    ["big > 1e30", []],
    ["big < 1e30", [0, 1, 3, 4]],
    ["big < -1e30", []],
    ["big > 0.5", [0, 1, 4]],
    ["big = 1.0", [0]],
    ["big IN (1, 9223372036854775807)", [0, 4]],
    ["big IN (9007199254740993, -9223372036854775808)", [1, 3]],
    ["big NOT IN (1)", [1, 3, 4]],
    ["u64 > 9223372036854775807", [1, 4]],
    ["u64 = 18446744073709551615", [1]],
    ["u64 < 0", []],
    ["u64 >= -1", [0, 1, 3, 4]],
    ["u64 IN (5, 18446744073709551615)", [1, 3]],
    ["u64 = 9223372036854775808", [4]],
  ];
  it.each(cases)("%s", (f, expected) => expect(rows(f)).toEqual(expected));
});

describe("evaluateFilter: floats, strings, booleans", () => {
  const cases: Case[] = [
    ["f = 0", [1]],
    ["f > 1", [0, 3, 4]],
    ["f < 2", [0, 1]],
    ["f = 2", [4]],
    ["f != 1.5", [1, 3, 4]],
    ["f IN (0, 2)", [1, 4]],
    ["f >= 9007199254740993", [3]],
    ["n < f", [0, 3, 4]],
    ["f = n", []],
    ["n <= big", [0, 1, 4]],
    ["s = 'a'", [0]],
    ["s != 'a'", [1, 3, 4]],
    ["s > 'b'", [3, 4]],
    ["s < 'é'", [0, 1]],
    ["s >= ''", [0, 1, 3, 4]],
    ["s < 'aa'", [0]],
    ["s > 'a'", [1, 3, 4]],
    ["s IN ('b', 'é', 'zz')", [1, 3]],
    ["s NOT IN ('a')", [1, 3, 4]],
    ["s IN ('a', NULL)", [0]],
    ["s = sd", [0, 1, 3]],
    ["s < sd", []],
    ["s > sd", [4]],
    ["sd = 'a'", [0, 4]],
    ["sd IN ('b', 'é')", [1, 3]],
    ["sd IS NULL", [2]],
    ["sd > 'a'", [1, 3]],
    ["b", [0, 3]],
    ["NOT b", [1, 4]],
    ["b = FALSE", [1, 4]],
    ["b != TRUE", [1, 4]],
    ["b > FALSE", [0, 3]],
    ["b IN (TRUE)", [0, 3]],
    ["b OR n = 2", [0, 1, 3]],
    ["NOT b OR b", [0, 1, 3, 4]],
    ["TRUE", [0, 1, 2, 3, 4]],
    ["FALSE", []],
    ["NULL", []],
    ["NOT NULL", []],
    ["1 < 2", [0, 1, 2, 3, 4]],
    ["'b' < 'a'", []],
    ["9007199254740993 > 9007199254740992.0", [0, 1, 2, 3, 4]],
    ["NULL = NULL", []],
  ];
  it.each(cases)("%s", (f, expected) => expect(rows(f)).toEqual(expected));

  it("orders strings by code point, not UTF-16 unit", () => {
    // U+FFFF is one UTF-16 unit above the surrogates of 𝄞 (U+1D11E), yet below it as a code point.
    expect(rows(col("s").gt("\uffff"))).toEqual([4]);
    expect(rows(col("s").lt("\uffff"))).toEqual([0, 1, 3]);
  });
});

describe("evaluateFilter: timestamps and dates", () => {
  const cases: Case[] = [
    ["ts = '2024-01-01'", [0]],
    ["ts = '2024-01-01T00:00:00Z'", [0]],
    ["ts > '2024-01-01T00:00:00Z'", [1]],
    ["ts >= '2024-01-01 00:00:00.000001'", [1]],
    ["ts < '2024-01-01T01:00:00+01:00'", [3, 4]],
    ["ts = '2024-01-01T00:00:00.0000005Z'", []],
    ["ts > '2024-01-01T00:00:00.0000005Z'", [1]],
    ["ts <= '2024-01-01T00:00:00.0000005Z'", [0, 3, 4]],
    ["ts = '2023-12-31T23:59:59.999999Z'", [4]],
    ["ts = 0", [3]],
    ["ts > 1704067200000000", [1]],
    ["ts IN ('1970-01-01', '2024-01-01T00:00:00.000001Z')", [1, 3]],
    ["ts IN ('2024-01-01T00:00:00.0000005Z')", []],
    ["d = '2024-02-29'", [0]],
    ["d < '1970-01-01'", [4]],
    ["d < '1970-01-01T00:00:01Z'", [3, 4]],
    ["d > '2024-02-29T12:00:00Z'", [1]],
    ["d = '2024-02-29T12:00:00Z'", []],
    ["d = 0", [3]],
    ["d IN ('2024-03-01', '1969-12-31')", [1, 4]],
    ["ts >= d", [3, 4]],
  ];
  it.each(cases)("%s", (f, expected) => expect(rows(f)).toEqual(expected));
});

describe("evaluateFilter: dotted names", () => {
  const cases: Case[] = [
    ["st.x > 1", [3, 4]],
    ["st.x IS NULL", [1, 2]],
    ["st.x IS NOT NULL", [0, 3, 4]],
    ["st.y = 'p'", [0, 4]],
    ['"st"."y" = \'p\'', [0, 4]],
    ["st.y IN ('p', 'q')", [0, 2, 4]],
    ["st IS NULL", [1]],
    ["st.x = 99", []],
    ["a.b = 20", [1]],
    ["a.b > 25", [2, 3, 4]],
  ];
  it.each(cases)("%s", (f, expected) => expect(rows(f)).toEqual(expected));

  it("walks nested structs and splits names at the dot that resolves", () => {
    const inner = new Struct([new Field("v.w", new Int32(), true)]);
    const outer = new Struct([new Field("inner", inner, true)]);
    const t = new Table({
      outer: vectorFromArray([{ inner: { "v.w": 1 } }, { inner: null }, { inner: { "v.w": 3 } }], outer),
    });
    expect(rows("outer.inner.v.w >= 1", t)).toEqual([0, 2]);
    expect(rows("outer.inner IS NULL", t)).toEqual([1]);
  });
});

describe("evaluateFilter: chunking and slicing", () => {
  const filters = [
    "n >= 2",
    "s IN ('a', 'é')",
    "big > 1",
    "b",
    "st.x > 1",
    "ts > '2000-01-01'",
    "sd = 'a'",
    "f > 1",
  ];
  const doubled = table.concat(sampleTable());
  it.each(filters)("%s gives the same rows on multi-chunk, sliced and IPC-read tables", (f) => {
    const once = rows(f);
    expect(rows(f, doubled)).toEqual([...once, ...once.map((i) => i + 5)]);
    expect(rows(f, doubled.slice(3, 8))).toEqual([
      ...once.filter((i) => i >= 3).map((i) => i - 3),
      ...once.filter((i) => i < 3).map((i) => i + 2),
    ]);
    expect(rows(f, tableFromIPC(tableToIPC(doubled)))).toEqual(rows(f, doubled));
  });
});

describe("evaluateFilter errors", () => {
  const cases: [string | FilterExpr, string][] = [
    [
      "nope = 1",
      `filters: column "nope" not found; available columns: "n", "big", "u64", "f", "s", "sd", "b", "ts", "d", "st", "a.b", "a"`,
    ],
    [
      "st.z = 1",
      `filters: column "st.z" not found; available columns: "n", "big", "u64", "f", "s", "sd", "b", "ts", "d", "st", "a.b", "a"`,
    ],
    ["s = 5", `filters: cannot compare column "s" (Utf8) with 5`],
    ["5 < s", `filters: cannot compare column "s" (Utf8) with 5`],
    ["n = 'a'", `filters: cannot compare column "n" (Int32) with 'a'`],
    ["b = 1", `filters: cannot compare column "b" (Bool) with 1`],
    ["n IN (1, 'x')", `filters: cannot compare column "n" (Int32) with 'x'`],
    [
      "ts = 'yesterday'",
      `filters: cannot compare column "ts" (Timestamp<MICROSECOND, UTC>) with 'yesterday'`,
    ],
    [
      "ts = '2024-02-30'",
      `filters: cannot compare column "ts" (Timestamp<MICROSECOND, UTC>) with '2024-02-30'`,
    ],
    ["st = 1", `filters: cannot compare column "st" (Struct<{x:Int32, y:Utf8}>) with 1`],
    ["n", `filters: column "n" (Int32) is not boolean; compare it with a value`],
    ["s = n", `filters: cannot compare column "s" (Utf8) with column "n" (Int32)`],
    ["ts = n", `filters: cannot compare column "ts" (Timestamp<MICROSECOND, UTC>) with column "n" (Int32)`],
    ["1 = 'a'", `filters: cannot compare 1 with 'a'`],
    [lit(5), `filters: literal 5 is not a condition`],
  ];
  it.each(cases)("%s", (f, message) => {
    let error: unknown;
    try {
      evaluateFilter(f, table);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MetadataSchemaError);
    expect((error as MetadataSchemaError).code).toBe("METADATA_SCHEMA");
    expect((error as Error).message).toBe(message);
  });

  it("checks the column even when the comparison is with NULL", () => {
    expect(() => evaluateFilter("nope < NULL", table)).toThrow(MetadataSchemaError);
  });
});

describe("evaluateFilter on an empty table", () => {
  it("returns an empty mask", () => {
    const t = new Table({ s: vectorFromArray([] as string[], new Utf8()) });
    expect(evaluateFilter(parseFilter("s = 'a'"), t)).toEqual(new Uint8Array(0));
  });
});

describe("evaluateFilter: other physical layouts", () => {
  /** A 64-bit column from raw stored values (vectorFromArray would read numbers as milliseconds). */
  function raw(type: TimestampSecond | TimestampNanosecond, values: (bigint | null)[]) {
    const validity = Uint8Array.of(values.reduce((m, v, i) => (v === null ? m : m | (1 << i)), 0));
    const data = BigInt64Array.from(values, (v) => v ?? 0n);
    const nullCount = values.filter((v) => v === null).length;
    return makeVector(makeData({ type, length: values.length, nullCount, nullBitmap: validity, data }));
  }
  const strings = ["short", null, "a value longer than twelve bytes", "zz"];
  const t = new Table({
    large: vectorFromArray(strings, new LargeUtf8()),
    view: utf8View(strings),
    i8: vectorFromArray([-128, null, 127, 0], new Int8()),
    u32: vectorFromArray([4294967295, null, 0, 7], new Uint32()),
    f32: vectorFromArray([0.5, null, -1, 3], new Float32()),
    d64: vectorFromArray([Date.UTC(2024, 0, 1), null, 0, Date.UTC(2024, 0, 1, 12)], new DateMillisecond()),
    sec: raw(new TimestampSecond(), [1000n, null, 0n, 2000n]),
    ns: raw(new TimestampNanosecond(), [1n, null, 0n, 2n]),
    dict8: vectorFromArray(strings, new Dictionary(new Utf8(), new Int8())),
  });
  const cases: Case[] = [
    ["large = 'short'", [0]],
    ["large > 'b'", [0, 3]],
    ["large IN ('zz', 'a value longer than twelve bytes')", [2, 3]],
    ["view = 'a value longer than twelve bytes'", [2]],
    ["view < 'b'", [2]],
    ["view IN ('short', 'zz')", [0, 3]],
    ["view IS NULL", [1]],
    ["view = large", [0, 2, 3]],
    ["i8 < 0", [0]],
    ["i8 >= 127", [2]],
    ["i8 IN (-128, 0)", [0, 3]],
    ["u32 > 4294967294", [0]],
    ["u32 IN (4294967295, 7)", [0, 3]],
    ["f32 = 0.5", [0]],
    ["f32 < 0", [2]],
    ["d64 = '2024-01-01'", [0]],
    ["d64 > '2024-01-01T11:59:59.999Z'", [3]],
    ["d64 < 1", [2]],
    ["sec = '1970-01-01T00:16:40Z'", [0]],
    ["sec > '1970-01-01T00:16:40.5Z'", [3]],
    ["sec = '1970-01-01T00:16:40.5Z'", []],
    ["ns = '1970-01-01T00:00:00.000000001Z'", [0]],
    ["ns > 0", [0, 3]],
    ["dict8 = 'zz'", [3]],
    ["dict8 IN ('short', NULL)", [0]],
    ["dict8 = view", [0, 2, 3]],
  ];
  it.each(cases)("%s", (f, expected) => expect(rows(f, t)).toEqual(expected));
});
