import {
  Bool,
  DateDay,
  Field,
  Float64,
  Int32,
  Int64,
  LargeUtf8,
  List,
  Map_,
  makeData,
  makeVector,
  Schema,
  Struct,
  Table,
  TimestampMicrosecond,
  Uint64,
  Utf8,
  Utf8View,
  Vector,
  vectorFromArray,
} from "apache-arrow";
import { utf8Vector } from "../../src/arrow/strings.js";

/** Row indices where an evaluateFilter mask is 1. */
export function rowsOf(mask: Uint8Array): number[] {
  const rows: number[] = [];
  mask.forEach((v, i) => {
    if (v === 1) rows.push(i);
  });
  return rows;
}

const ms = (iso: string) => Date.parse(iso);

/**
 * Five rows, one null per column at row 2 (plus a struct with a parent-null row whose children are
 * valid, to prove parent nulls propagate).
 */
export function sampleTable(): Table {
  const structType = new Struct([new Field("x", new Int32(), true), new Field("y", new Utf8(), true)]);
  // Row 1 is a null struct whose children still hold values (x = 99, y = 'p').
  const st = makeVector(
    makeData({
      type: structType,
      length: 5,
      nullCount: 1,
      nullBitmap: Uint8Array.of(0b11101),
      children: [
        vectorFromArray([1, 99, null, 4, 5], new Int32()).data[0]!,
        utf8Vector(["p", "p", "q", null, "p"]).data[0]!,
      ],
    }),
  );
  const columns: Record<string, Vector> = {
    n: vectorFromArray([1, 2, null, 4, -5], new Int32()),
    big: vectorFromArray(
      [1n, 9007199254740993n, null, -9223372036854775808n, 9223372036854775807n],
      new Int64(),
    ),
    u64: vectorFromArray([0n, 18446744073709551615n, null, 5n, 2n ** 63n], new Uint64()),
    f: vectorFromArray([1.5, -0, null, Number.NaN, 2], new Float64()),
    s: utf8Vector(["a", "b", null, "é", "𝄞"]),
    sd: vectorFromArray(["a", "b", null, "é", "a"]),
    b: vectorFromArray([true, false, null, true, false], new Bool()),
    ts: vectorFromArray(
      [ms("2024-01-01T00:00:00Z"), ms("2024-01-01T00:00:00Z"), null, 0, ms("2023-12-31T23:59:59Z")],
      new TimestampMicrosecond("UTC"),
    ),
    d: vectorFromArray([ms("2024-02-29"), ms("2024-03-01"), null, 0, ms("1969-12-31")], new DateDay()),
    st,
    "a.b": vectorFromArray([10, 20, 30, 40, 50], new Int32()),
    a: vectorFromArray(
      [{ b: 1 }, { b: 2 }, { b: 3 }, { b: 4 }, { b: 5 }],
      new Struct([new Field("b", new Int32())]),
    ),
  };
  const table = new Table(columns);
  // Microsecond precision that a millisecond Date cannot express: row 1 is 1 µs later, row 4 1 µs earlier.
  const tsValues = table.getChild("ts")!.data[0]!.values as BigInt64Array;
  tsValues[1] = tsValues[1]! + 1n;
  tsValues[4] = tsValues[4]! + 999_999n;
  return table;
}

/** Plain JS values of a row, recursing into structs, lists and maps. */
export function plain(value: unknown): unknown {
  if (value instanceof Vector) return [...value].map(plain);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [k, plain(v)]));
  // Arrow rows are proxies whose `in` only sees column names, so probe toJSON directly.
  if (
    value !== null &&
    typeof value === "object" &&
    typeof (value as { toJSON?: unknown }).toJSON === "function"
  ) {
    const json = (value as { toJSON(): Record<string, unknown> }).toJSON();
    return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

export function allRows(t: Table): unknown[] {
  return Array.from({ length: t.numRows }, (_, i) => plain(t.get(i)));
}

export function pick(t: Table, indices: number[]): unknown[] {
  return indices.map((i) => plain(t.get(i)));
}

/** Twenty rows of nested and variable-width types, with nulls, to exercise the gather path. */
export function wideTable(): Table {
  const n = 20;
  const idx = Array.from({ length: n }, (_, i) => i);
  const structType = new Struct([new Field("x", new Int32(), true), new Field("y", new Utf8(), true)]);
  const mapType = new Map_(
    new Field(
      "entries",
      new Struct<{ key: Utf8; value: Int32 }>([
        new Field("key", new Utf8(), false),
        new Field("value", new Int32(), true),
      ]),
      false,
    ),
  );
  const table = new Table({
    i: vectorFromArray(idx, new Int32()),
    big: vectorFromArray(
      idx.map((i) => (i % 7 === 3 ? null : BigInt(i) * 1_000_000_007_000n)),
      new Int64(),
    ),
    s: vectorFromArray(
      idx.map((i) => (i % 5 === 4 ? null : `row-${i}-${"é".repeat(i % 3)}`)),
      new Utf8(),
    ),
    ls: vectorFromArray(
      idx.map((i) => (i % 6 === 5 ? null : `large-${i}`)),
      new LargeUtf8(),
    ),
    dict: vectorFromArray(idx.map((i) => (i % 4 === 1 ? null : ["x", "y", "z"][i % 3]!))),
    flag: vectorFromArray(idx.map((i) => (i % 9 === 8 ? null : i % 2 === 0))),
    st: vectorFromArray(
      idx.map((i) => (i % 8 === 7 ? null : { x: i % 3 === 0 ? null : i, y: `y${i}` })),
      structType,
    ),
    list: vectorFromArray(
      idx.map((i) => (i % 5 === 2 ? null : idx.slice(0, i % 4))),
      new List(new Field("item", new Int32(), true)),
    ),
    map: vectorFromArray(
      idx.map((i) => (i % 10 === 9 ? null : new Map([[`k${i}`, i]]))),
      mapType,
    ),
  });
  return new Table(new Schema(table.schema.fields, new Map([["origin", "test"]])), table.batches);
}

const encoder = new TextEncoder();

/** A hand-built Utf8View column: short values inline, long ones in a variadic buffer. */
export function utf8View(values: (string | null)[]) {
  const views = new Uint8Array(values.length * 16);
  const dv = new DataView(views.buffer);
  const long: number[] = [];
  const validity = new Uint8Array((values.length + 7) >> 3);
  values.forEach((v, i) => {
    if (v === null) return;
    validity[i >> 3]! |= 1 << (i & 7);
    const bytes = encoder.encode(v);
    dv.setInt32(i * 16, bytes.length, true);
    if (bytes.length <= 12) views.set(bytes, i * 16 + 4);
    else {
      views.set(bytes.subarray(0, 4), i * 16 + 4);
      dv.setInt32(i * 16 + 8, 0, true);
      dv.setInt32(i * 16 + 12, long.length, true);
      long.push(...bytes);
    }
  });
  const nulls = values.filter((v) => v === null).length;
  return makeVector(
    makeData({
      type: new Utf8View(),
      length: values.length,
      nullCount: nulls,
      nullBitmap: validity,
      views,
      variadicBuffers: [Uint8Array.from(long)],
    }),
  );
}
