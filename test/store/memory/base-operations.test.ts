/**
 * Unit tests of the template's small pure operations (the conformance packs cover the rest
 * through the in-memory store).
 */
import { describe, expect, it } from "vitest";
import { FilterParseError, InvalidArgumentError } from "../../../src/errors.js";
import { col } from "../../../src/filters/builders.js";
import { FeatureKey } from "../../../src/models/feature-key.js";
import { filtersFor, toFilterList } from "../../../src/store/base/filter-list.js";
import { isSystemKey } from "../../../src/store/base/resolve-feature.js";
import { nextTransactionTimestamp } from "../../../src/store/base/transaction-clock.js";
import { expectThrow } from "../../conformance/harness.js";

describe("nextTransactionTimestamp", () => {
  it("follows the clock but never repeats or goes back", () => {
    expect(nextTransactionTimestamp(null, 5n)).toBe(5n);
    expect(nextTransactionTimestamp(4n, 5n)).toBe(5n);
    expect(nextTransactionTimestamp(5n, 5n)).toBe(6n);
    expect(nextTransactionTimestamp(10n, 5n)).toBe(11n);
    const a = nextTransactionTimestamp(null);
    expect(nextTransactionTimestamp(a) > a).toBe(true);
  });
});

describe("filter lists", () => {
  it("accepts one filter, a list, null or undefined; parses text eagerly", () => {
    expect(toFilterList(undefined)).toEqual([]);
    expect(toFilterList(null)).toEqual([]);
    expect(toFilterList("n > 1")).toEqual([
      { kind: "compare", op: ">", left: { kind: "column", name: "n" }, right: { kind: "literal", value: 1 } },
    ]);
    expect(toFilterList([col("n").gt(1), "m IS NULL"])).toHaveLength(2);
    expectThrow(() => toFilterList("n >"), FilterParseError, "FILTER_PARSE");
    expectThrow(
      () => toFilterList([42 as unknown as string]),
      InvalidArgumentError,
      "INVALID_ARGUMENT",
      /filter 0/,
    );
  });

  it("looks per-feature filters up by parsed key", () => {
    const map = { "video/raw": ["a = 1"], other: ["b = 2"] };
    expect(filtersFor(map, FeatureKey.from(["video", "raw"]))).toHaveLength(1);
    expect(filtersFor(map, FeatureKey.from("missing"))).toEqual([]);
    expect(filtersFor(undefined, FeatureKey.from("video/raw"))).toEqual([]);
  });

  it("recognises system keys", () => {
    expect(isSystemKey("metaxy-system/feature_versions")).toBe(true);
    expect(isSystemKey(["metaxy-system", "events"])).toBe(true);
    expect(isSystemKey("video/raw")).toBe(false);
  });
});
