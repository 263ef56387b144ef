import { Int64, Table, Utf8, Vector, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { newBitmap, setBit } from "../../src/arrow/bitmap.js";
import { makeChunk } from "../../src/arrow/chunk.js";
import { utf8Vector } from "../../src/arrow/strings.js";
import { evaluateTruth } from "../../src/filters/evaluate-truth.js";
import { filterTable } from "../../src/filters/filter-table.js";
import { parseFilter } from "../../src/filters/parse-filter.js";

// A version column as stored: every row the same string (here one row null, its bytes kept).
function repeated(value: string, n: number, nullAt: number | null = null): Vector {
  const bytes = new TextEncoder().encode(value);
  const values = new Uint8Array(bytes.length * n);
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    values.set(bytes, i * bytes.length);
    offsets[i + 1] = (i + 1) * bytes.length;
  }
  const validity = newBitmap(n);
  for (let i = 0; i < n; i++) if (i !== nullAt) setBit(validity, i);
  return new Vector([makeChunk(new Utf8(), n, nullAt === null ? 0 : 1, { offsets, values, validity })]);
}

const truth = (filter: string, table: Table) => Array.from(evaluateTruth(parseFilter(filter), table));

describe("string comparisons on columns holding one value", () => {
  const long = "0123456789abcdef".repeat(5);
  const table = new Table({ v: repeated(long, 6) });

  it("every operator against the value itself and against neighbours", () => {
    expect(filterTable(table, [`v = '${long}'`])).toBe(table);
    expect(truth(`v != '${long}'`, table)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(truth(`v <= '${long}'`, table)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(truth(`v < '${long}'`, table)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(truth(`v > '${long.slice(0, -1)}'`, table)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(truth(`v = '${long.slice(0, -1)}x'`, table)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(truth(`v < '${long}0'`, table)).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it("a null row stays NULL; sliced and multi-chunk columns", () => {
    const withNull = new Table({ v: repeated("abc", 4, 2) });
    expect(truth("v = 'abc'", withNull)).toEqual([2, 2, 1, 2]);
    expect(filterTable(withNull, ["v = 'abc'"]).numRows).toBe(3);
    const sliced = new Table({ v: repeated("abc", 5).slice(1, 4) });
    expect(truth("v = 'abc'", sliced)).toEqual([2, 2, 2]);
    const multi = new Table({
      v: new Vector([...repeated("abc", 2).data, ...utf8Vector(["abc", "abd"]).data]),
    });
    expect(truth("v = 'abc'", multi)).toEqual([2, 2, 2, 0]);
    const almost = new Table({ v: utf8Vector(["abc", "abc", "abd", "abc"]) });
    expect(truth("v = 'abc'", almost)).toEqual([2, 2, 0, 2]);
    expect(truth("v = ''", new Table({ v: utf8Vector(["", ""]) }))).toEqual([2, 2]);
  });

  it("IS NULL over a column whose every row is null", () => {
    const t = new Table({ d: vectorFromArray([null, null, null], new Int64()) });
    expect(truth("d IS NULL", t)).toEqual([2, 2, 2]);
    expect(truth("d IS NOT NULL", t)).toEqual([0, 0, 0]);
    expect(filterTable(t, ["d IS NULL"])).toBe(t);
  });
});
