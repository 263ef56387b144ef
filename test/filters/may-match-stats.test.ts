import { describe, expect, it } from "vitest";
import { col } from "../../src/filters/builders.js";
import { type FileStats, mayMatchStats } from "../../src/filters/may-match-stats.js";
import { parseFilter } from "../../src/filters/parse-filter.js";

const stats: FileStats = {
  numRecords: 10,
  nullCount: { fv: 0, n: 2, allnull: 10, s: 0, long: 0, ts: 0, flag: 0, nested: { x: 0 } },
  minValues: {
    fv: "xyz",
    n: 5,
    s: "apple",
    long: "a".repeat(32),
    ts: "2024-01-01T00:00:00.000Z",
    flag: false,
    nested: { x: 1 },
    "a.b": 100,
    lossy: 2 ** 60,
    text: "a",
  },
  maxValues: {
    fv: "xyz",
    n: 10,
    s: "melon",
    long: "b".repeat(32),
    ts: "2024-01-02T00:00:00.000Z",
    flag: false,
    nested: { x: 3 },
    "a.b": 200,
    lossy: 2 ** 61,
    text: "z",
  },
};
const types = { ts: "timestamp" } as const;

const cases: [string, boolean][] = [
  ["fv = 'abc'", false],
  ["fv = 'xyz'", true],
  ["fv != 'xyz'", false],
  ["fv <> 'abc'", true],
  ["NOT fv = 'xyz'", false],
  ["fv IN ('a', 'b')", false],
  ["fv IN ('a', 'xyz')", true],
  ["fv NOT IN ('xyz')", false],
  ["fv NOT IN ('a')", true],
  ["fv NOT IN ('a', NULL)", false],
  ["fv IN ('a', NULL)", false],
  ["fv IS NULL", false],
  ["fv IS NOT NULL", true],
  ["fv = 'abc' OR fv = 'xyz'", true],
  ["fv = 'xyz' AND n > 10", false],
  ["n > 10", false],
  ["n >= 10", true],
  ["n < 5", false],
  ["n <= 5", true],
  ["n = 7.5", true],
  ["n = 11", false],
  ["n != 5", true],
  ["n < 5.5", true],
  ["n > 9007199254740993", false],
  ["n < 9007199254740993", true],
  ["11 < n", false],
  ["10 <= n", true],
  ["n IS NULL", true],
  ["n > 10 OR n IS NULL", true],
  ["n > 10 AND n IS NULL", false],
  ["NOT n >= 5", false],
  ["NOT n > 5", true],
  ["n = 'five'", true],
  ["allnull = 1", false],
  ["allnull IS NULL", true],
  ["allnull IS NOT NULL", false],
  ["NOT allnull = 1", false],
  ["allnull IN (1, 2)", false],
  ["zz = 1", true],
  ["NOT zz = 1", true],
  ["zz IS NULL", true],
  ["s < 'apple'", false],
  ["s <= 'apple'", true],
  ["s > 'melon'", false],
  ["s > 'melo'", true],
  ["s = 'banana'", true],
  ["s = 'zebra'", false],
  ["s IN ('zebra', 'aardvark')", false],
  [`long = '${"b".repeat(32)}zzz'`, true],
  [`long > '${"b".repeat(32)}'`, true],
  ["long = 'c'", false],
  [`long < '${"a".repeat(32)}'`, false],
  [`long != '${"a".repeat(32)}'`, true],
  ["flag", false],
  ["NOT flag", true],
  ["flag = FALSE", true],
  ["nested.x > 3", false],
  ["nested.x = 2", true],
  ["nested.x IS NULL", false],
  ["a.b = 150", true],
  ["a.b > 200", false],
  ["lossy = 1", true],
  ["text > 'b'", true],
  ["n < s", true],
  ["TRUE", true],
  ["FALSE", false],
  ["NULL", false],
  ["1 = 2", false],
  ["'a' < 'b'", true],
  ["1 = 'a'", true],
  ["NOT (fv = 'xyz' OR n > 100)", false],
];

describe("mayMatchStats", () => {
  it.each(cases)("%s → %s", (text, expected) => {
    expect(mayMatchStats(parseFilter(text), stats, { types })).toBe(expected);
  });

  it("prunes timestamps only when told the column holds instants", () => {
    const withTypes = (t: string) => mayMatchStats(parseFilter(t), stats, { types });
    const withoutTypes = (t: string) => mayMatchStats(parseFilter(t), stats);
    expect(withTypes("ts < '2024-01-01'")).toBe(false);
    expect(withTypes("ts <= '2024-01-01'")).toBe(true);
    expect(withTypes("ts = '2023-12-31'")).toBe(false);
    // A millisecond max may hide later microseconds: 00:00:00.000999 is still possible.
    expect(withTypes("ts > '2024-01-02T00:00:00Z'")).toBe(true);
    expect(withTypes("ts > '2024-01-02T00:00:00.001Z'")).toBe(false);
    expect(withTypes("ts >= '2024-01-02T01:00:00+01:00'")).toBe(true);
    expect(withTypes("ts > '2024-01-02T00:00:01Z'")).toBe(false);
    expect(withTypes("ts = 5")).toBe(true);
    expect(withoutTypes("ts < '2000-01-01'")).toBe(true);
    expect(withoutTypes("ts > '2030-01-01T00:00:00Z'")).toBe(true);
    expect(mayMatchStats(parseFilter("s < 'apple'"), stats, { types: { s: "string" } })).toBe(false);
  });

  it("accepts built expressions and exact bigints", () => {
    expect(mayMatchStats(col("fv").eq("abc"), stats)).toBe(false);
    expect(mayMatchStats(col("n").lt(5n), stats)).toBe(false);
    const big: FileStats = {
      numRecords: 3,
      minValues: { b: 9007199254740993n },
      maxValues: { b: 9007199254740995n },
    };
    expect(mayMatchStats(parseFilter("b = 9007199254740992"), big)).toBe(false);
    expect(mayMatchStats(parseFilter("b = 9007199254740994"), big)).toBe(true);
  });

  it("never matches an empty file and always may match without statistics", () => {
    expect(mayMatchStats(parseFilter("TRUE"), { numRecords: 0 })).toBe(false);
    expect(mayMatchStats(parseFilter("x = 1 AND y IS NULL"), { numRecords: 5 })).toBe(true);
    expect(mayMatchStats(parseFilter("x IS NULL"), { numRecords: 5, nullCount: { x: 0 } })).toBe(false);
  });
});
