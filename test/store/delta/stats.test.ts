import { Bool, Float64, Int64, Table, Timestamp, TimeUnit, Utf8, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import {
  computeStats,
  isoTimestamp,
  parseStats,
  STATS_STRING_LIMIT,
} from "../../../src/store/delta/stats.js";

describe("file statistics", () => {
  it("compares strings by UTF-8 bytes, cuts long minima and drops long maxima", () => {
    const long = "m".repeat(STATS_STRING_LIMIT + 10);
    const stats = computeStats(
      new Table({
        // U+FF5E sorts before U+1F642 in UTF-8 (and code points), after it in UTF-16 units.
        s: vectorFromArray(["\uFF5E", "\u{1F642}", null], new Utf8()),
        long: vectorFromArray([long, `${long}z`, long], new Utf8()),
      }),
    );
    expect(stats.minValues).toEqual({ s: "\uFF5E", long: "m".repeat(STATS_STRING_LIMIT) });
    expect(stats.maxValues).toEqual({ s: "\u{1F642}" });
    expect(stats.nullCount).toEqual({ s: 1, long: 0 });
  });

  it("renders timestamps with microseconds, UTC with Z and timestamp_ntz without", () => {
    expect(isoTimestamp(1_700_000_000_123_456n, true)).toBe("2023-11-14T22:13:20.123456Z");
    expect(isoTimestamp(-1n, false)).toBe("1969-12-31T23:59:59.999999");
    const stats = computeStats(
      new Table({
        n: vectorFromArray([5n, -(2n ** 60n)], new Int64()),
        at: vectorFromArray([null, null], new Timestamp(TimeUnit.MICROSECOND, "UTC")),
      }),
    );
    // All-null columns and longs beyond 2^53 keep only their null count.
    expect(stats).toEqual({ numRecords: 2, minValues: {}, maxValues: { n: 5 }, nullCount: { n: 0, at: 2 } });
  });

  it("parses stats as delta-rs and Spark write them, and ignores malformed ones", () => {
    expect(
      parseStats(
        '{"numRecords":10,"minValues":{"value":0},"maxValues":{"value":9},"nullCount":{"value":0},"tightBounds":true}',
      ),
    ).toEqual({
      numRecords: 10,
      minValues: { value: 0 },
      maxValues: { value: 9 },
      nullCount: { value: 0 },
      tightBounds: true,
    });
    expect(parseStats('{"numRecords":3}')).toEqual({
      numRecords: 3,
      minValues: {},
      maxValues: {},
      nullCount: {},
    });
    expect(parseStats("{not json")).toBeNull();
    expect(parseStats('{"minValues":{}}')).toBeNull();
    expect(parseStats(null)).toBeNull();
  });

  it("finds numeric bounds across word boundaries and skips NaN", () => {
    const stats = computeStats(
      new Table({
        n: vectorFromArray([2n ** 32n, -(2n ** 32n) - 1n, 2n ** 32n - 1n, 0n, null], new Int64()),
        f: vectorFromArray([Number.NaN, 2, Number.NaN, 1, null], new Float64()),
        b: vectorFromArray([true, true, null, true, true], new Bool()),
      }),
    );
    expect(stats.minValues).toEqual({ n: -(2 ** 32) - 1, f: 1, b: true });
    expect(stats.maxValues).toEqual({ n: 2 ** 32, f: 2, b: true });
    expect(stats.nullCount).toEqual({ n: 1, f: 1, b: 1 });
  });
});
