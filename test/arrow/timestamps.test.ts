import {
  type DataType,
  Int64,
  makeData,
  makeVector,
  Null,
  Table,
  TimestampMicrosecond,
  TimestampMillisecond,
  tableFromIPC,
  tableToIPC,
  Vector,
  vectorFromArray,
} from "apache-arrow";
import { describe, expect, it } from "vitest";
import { buildData } from "../../src/arrow/build-data.js";
import { coalesceTimestamps } from "../../src/arrow/coalesce-timestamps.js";
import { copyFixedWidthBuffers } from "../../src/arrow/copy-fixed-width-buffers.js";
import { nowMicros } from "../../src/arrow/now-micros.js";
import { nullVector } from "../../src/arrow/null-vector.js";
import { columnValues } from "../../src/arrow/read-values.js";
import { utf8Vector } from "../../src/arrow/strings.js";
import { tableToRows } from "../../src/arrow/table-to-rows.js";
import { timestampVector } from "../../src/arrow/timestamp-vector.js";
import { METAXY_CREATED_AT, METAXY_UPDATED_AT } from "../../src/constants.js";
import { InvalidArgumentError, MetadataSchemaError } from "../../src/errors.js";

const raw = (v: Parameters<typeof columnValues>[0]) => columnValues(v, "raw");

function ts(values: readonly (bigint | null)[], type: DataType = new TimestampMicrosecond("UTC")): Vector {
  return new Vector([buildData(values, type, { path: "t" })]);
}

function tsVector(values: BigInt64Array, unit = new TimestampMicrosecond("UTC")) {
  return makeVector(makeData({ type: unit, length: values.length, nullCount: 0, data: values }));
}

describe("timestampVector / nowMicros", () => {
  it("fills or copies into a fresh buffer, Timestamp(µs, UTC) by default", () => {
    const a = timestampVector(5n, 3);
    const b = timestampVector(5n, 3);
    expect(String(a.type)).toBe("Timestamp<MICROSECOND, UTC>");
    expect(raw(a)).toEqual([5n, 5n, 5n]);
    expect(a.data[0]!.values.buffer).not.toBe(b.data[0]!.values.buffer);
    const arr = [1n, 2n];
    expect(raw(timestampVector(arr, 2, null))).toEqual([1n, 2n]);
    expect(String(timestampVector(arr, 2, null).type)).toBe("Timestamp<MICROSECOND>");
    expect(() => timestampVector(arr, 3)).toThrow(InvalidArgumentError);
  });

  it("nowMicros is the wall clock in microseconds", () => {
    const before = BigInt(Date.now()) * 1000n;
    const now = nowMicros();
    const after = BigInt(Date.now()) * 1000n;
    expect(now >= before && now <= after).toBe(true);
    expect(now % 1000n).toBe(0n);
  });
});

describe("coalesceTimestamps", () => {
  it("per row a ?? b, in a fresh buffer with a's type", () => {
    const a = ts([1n, null, 3n, null]);
    const b = ts([10n, 20n, null, null]);
    const out = coalesceTimestamps(a, b);
    expect(String(out.type)).toBe("Timestamp<MICROSECOND, UTC>");
    expect(raw(out)).toEqual([1n, 20n, 3n, null]);
    expect(out.nullCount).toBe(1);
    expect(out.data[0]!.values.buffer).not.toBe(a.data[0]!.values.buffer);
  });

  it("a Null-typed a (a column that was all null) takes b; units are aligned to a's", () => {
    const b = timestampVector(7n, 2);
    const out = coalesceTimestamps(nullVector(new Null(), 2), b);
    expect(String(out.type)).toBe("Timestamp<MICROSECOND, UTC>");
    expect(raw(out)).toEqual([7n, 7n]);
    expect(raw(coalesceTimestamps(nullVector(new Int64(), 2), b))).toEqual([7n, 7n]);
    expect(String(coalesceTimestamps(nullVector(new Int64(), 2), b).type)).toBe("Int64");
    expect(() => coalesceTimestamps(utf8Vector([null, null]), b)).toThrow(
      new MetadataSchemaError(
        "arrow: coalesceTimestamps needs Int64 or Timestamp columns, got Utf8 and Timestamp<MICROSECOND, UTC>",
      ),
    );
    const ms = ts([null, 2n], new TimestampMillisecond("UTC"));
    expect(raw(coalesceTimestamps(ms, timestampVector(5000n, 2)))).toEqual([5n, 2n]);
  });

  it("works across chunks and slices", () => {
    const a = vectorFromArray([null, 1n, null, 3n], new Int64());
    const multi = a.slice(1).concat(vectorFromArray([null], new Int64()));
    const b = vectorFromArray([9n, 9n, 9n, 9n], new Int64());
    expect(raw(coalesceTimestamps(multi, b))).toEqual([1n, 9n, 3n, 9n]);
    expect(() => coalesceTimestamps(a, timestampVector(1n, 2))).toThrow(InvalidArgumentError);
  });

  it("whole chunks copied when nothing is filled yet: all-null a, null-free b; sliced and chunked", () => {
    const allNull = vectorFromArray([null, null, null, null], new Int64());
    const b = vectorFromArray([0n, 5n, 6n, 7n, 8n], new Int64()).slice(1);
    const out = coalesceTimestamps(allNull, b);
    expect(raw(out)).toEqual([5n, 6n, 7n, 8n]);
    expect(out.nullCount).toBe(0);
    const chunked = vectorFromArray([1n, 2n], new Int64()).concat(vectorFromArray([null, 4n], new Int64()));
    expect(raw(coalesceTimestamps(chunked, vectorFromArray([9n, 9n, 9n, 9n], new Int64())))).toEqual([
      1n,
      2n,
      9n,
      4n,
    ]);
    // 11 rows: the valid-bit run covers a partial first byte, a full byte and a partial last one.
    const n = 11;
    const ones = vectorFromArray(
      Array.from({ length: n }, (_, i) => BigInt(i)),
      new Int64(),
    );
    const shifted = coalesceTimestamps(
      vectorFromArray(
        Array.from({ length: n }, () => null),
        new Int64(),
      ),
      ones.slice(0),
    );
    expect(raw(shifted)).toEqual(Array.from({ length: n }, (_, i) => BigInt(i)));
    const tail = coalesceTimestamps(
      ones.slice(3),
      vectorFromArray(
        Array.from({ length: n - 3 }, () => 0n),
        new Int64(),
      ),
    );
    expect(raw(tail)).toEqual(Array.from({ length: n - 3 }, (_, i) => BigInt(i + 3)));
    expect(tail.nullCount).toBe(0);
    // A second null-free chunk starting mid-byte (rows 3..13).
    const two = vectorFromArray([0n, 1n, 2n], new Int64()).concat(ones);
    const both = coalesceTimestamps(
      two,
      vectorFromArray(
        Array.from({ length: 3 + n }, () => null),
        new Int64(),
      ),
    );
    expect(raw(both)).toEqual([0n, 1n, 2n, ...Array.from({ length: n }, (_, i) => BigInt(i))]);
    expect(both.nullCount).toBe(0);
  });
});

describe("copyFixedWidthBuffers: the shared-buffer IPC trap", () => {
  const shared = BigInt64Array.of(1700000000000000n, 1700000000000001n, 1700000000000002n);

  it("two timestamp columns over one BigInt64Array corrupt a raw IPC stream", () => {
    const t = new Table({ [METAXY_CREATED_AT]: tsVector(shared), [METAXY_UPDATED_AT]: tsVector(shared) });
    expect(() => tableFromIPC(tableToIPC(t, "stream"))).toThrow();
  });

  it("after copyFixedWidthBuffers both columns survive tableToIPC → tableFromIPC", () => {
    const t = new Table({ [METAXY_CREATED_AT]: tsVector(shared), [METAXY_UPDATED_AT]: tsVector(shared) });
    const fixed = copyFixedWidthBuffers(t);
    for (const format of ["stream", "file"] as const) {
      const back = tableFromIPC(tableToIPC(fixed, format));
      expect(raw(back.getChild(METAXY_CREATED_AT)!)).toEqual([...shared]);
      expect(raw(back.getChild(METAXY_UPDATED_AT)!)).toEqual([...shared]);
    }
    expect(tableToRows(fixed)).toEqual(tableToRows(t));
  });

  it("copies overlapping views and the same vector used twice, leaves disjoint buffers alone", () => {
    const big = BigInt64Array.of(0n, 1n, 2n, 3n, 4n, 5n);
    const overlapping = new Table({ a: tsVector(big.subarray(0, 4)), b: tsVector(big.subarray(2, 6)) });
    const fixed = copyFixedWidthBuffers(overlapping);
    const back = tableFromIPC(tableToIPC(fixed, "stream"));
    expect(raw(back.getChild("a")!)).toEqual([0n, 1n, 2n, 3n]);
    expect(raw(back.getChild("b")!)).toEqual([2n, 3n, 4n, 5n]);
    expect(fixed.getChild("a")!.data[0]!.values).toBe(overlapping.getChild("a")!.data[0]!.values);
    expect(fixed.getChild("b")!.data[0]!.values).not.toBe(overlapping.getChild("b")!.data[0]!.values);

    const v = tsVector(BigInt64Array.of(9n));
    const twice = copyFixedWidthBuffers(new Table({ a: v, b: v }));
    expect(raw(tableFromIPC(tableToIPC(twice, "stream")).getChild("b")!)).toEqual([9n]);

    const read = tableFromIPC(tableToIPC(fixed, "stream"));
    const again = copyFixedWidthBuffers(read);
    expect(again.getChild("a")!.data[0]!.values).toBe(read.getChild("a")!.data[0]!.values);
    expect(again.getChild("b")!.data[0]!.values).toBe(read.getChild("b")!.data[0]!.values);
  });
});
