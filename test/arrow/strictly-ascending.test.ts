import { Int32, Int64, LargeUtf8, Uint64, Vector, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { strictlyAscending } from "../../src/arrow/strictly-ascending.js";
import { utf8Vector } from "../../src/arrow/strings.js";

const i64 = (values: readonly (bigint | null)[]) => vectorFromArray([...values], new Int64());

describe("strictlyAscending", () => {
  it("Int64 by value across the 32-bit word boundary and the sign", () => {
    expect(strictlyAscending([i64([-(2n ** 40n), -1n, 0n, 1n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 62n])])).toBe(
      true,
    );
    expect(strictlyAscending([i64([0n, 2n ** 32n, 2n ** 32n - 1n])])).toBe(false);
    expect(strictlyAscending([i64([-1n, -2n])])).toBe(false);
    expect(strictlyAscending([i64([1n, 1n])])).toBe(false);
    expect(strictlyAscending([vectorFromArray([1n, 2n ** 63n], new Uint64())])).toBe(true);
    expect(strictlyAscending([vectorFromArray([2n ** 63n, 1n], new Uint64())])).toBe(false);
  });

  it("narrow integers, chunks and slices", () => {
    expect(strictlyAscending([vectorFromArray([-3, 0, 7], new Int32())])).toBe(true);
    expect(strictlyAscending([vectorFromArray([0, 7, 7], new Int32())])).toBe(false);
    const multi = new Vector([...i64([5n, 1n, 2n]).slice(1).data, ...i64([3n]).data]);
    expect(strictlyAscending([multi])).toBe(true);
    expect(strictlyAscending([new Vector([...i64([1n, 4n]).data, ...i64([3n]).data])])).toBe(false);
  });

  it("strings by bytes (a prefix is smaller), Utf8 and LargeUtf8", () => {
    expect(strictlyAscending([utf8Vector(["", "a", "ab", "b", "é"])])).toBe(true);
    expect(strictlyAscending([utf8Vector(["ab", "a"])])).toBe(false);
    expect(strictlyAscending([utf8Vector(["a", "a"])])).toBe(false);
    expect(strictlyAscending([vectorFromArray(["x", "y"], new LargeUtf8())])).toBe(true);
  });

  it("tuples: later columns break ties of earlier ones", () => {
    const a = i64([1n, 1n, 2n, 2n]);
    expect(strictlyAscending([a, utf8Vector(["b", "c", "a", "z"])])).toBe(true);
    expect(strictlyAscending([a, utf8Vector(["b", "b", "a", "z"])])).toBe(false);
    expect(strictlyAscending([a, utf8Vector(["c", "b", "a", "z"])])).toBe(false);
    // A decrease in a later column does not matter where an earlier one already increased.
    expect(strictlyAscending([i64([1n, 2n]), i64([9n, 0n])])).toBe(true);
  });

  it("remembered answers are per exact set of chunks", () => {
    const head = i64([1n, 2n]);
    const up = new Vector([...head.data, ...i64([3n]).data]);
    const down = new Vector([...head.data, ...i64([0n]).data]);
    expect(strictlyAscending([up])).toBe(true);
    expect(strictlyAscending([down])).toBe(false);
    expect(strictlyAscending([up])).toBe(true);
    expect(strictlyAscending([head])).toBe(true);
    expect(strictlyAscending([new Vector([...head.data, ...head.data])])).toBe(false);
  });

  it("any null, other types, or no columns: false", () => {
    expect(strictlyAscending([i64([1n, null, 3n])])).toBe(false);
    expect(strictlyAscending([utf8Vector(["a", null])])).toBe(false);
    expect(strictlyAscending([vectorFromArray([1.5, 2.5])])).toBe(false);
    expect(strictlyAscending([])).toBe(false);
    expect(strictlyAscending([i64([7n])])).toBe(true);
    expect(strictlyAscending([i64([null])])).toBe(false);
  });
});
