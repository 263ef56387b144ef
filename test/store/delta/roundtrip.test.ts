import { join } from "node:path";
import {
  Binary,
  Bool,
  DateDay,
  Decimal,
  Dictionary,
  Field,
  Float32,
  Float64,
  Int8,
  Int16,
  Int32,
  Int64,
  LargeUtf8,
  List,
  Map_,
  makeData,
  makeVector,
  Null,
  Struct,
  Table,
  Timestamp,
  TimeUnit,
  Uint32,
  Uint64,
  Utf8,
  type Vector,
  vectorFromArray,
} from "apache-arrow";
import { describe, expect, it } from "vitest";
import { MetadataSchemaError } from "../../../src/errors.js";
import { DeltaTable } from "../../../src/store/delta/delta-table.js";
import { parseSchemaString } from "../../../src/store/delta/schema.js";
import { canonicalJson, duckRows, ourRows, tempStore } from "./helpers.js";

const utc = new Timestamp(TimeUnit.MICROSECOND, "UTC");
const entries = new Field(
  "entries",
  new Struct<{ key: Utf8; value: Utf8 }>([
    new Field("key", new Utf8(), false),
    new Field("value", new Utf8(), true),
  ]),
  false,
);

/** A timestamp column over the given buffer (no copy), so two columns can share one buffer. */
function timestamps(values: BigInt64Array, type: Timestamp = utc): Vector {
  return makeVector(makeData({ type, length: values.length, data: values }));
}

// 253402214400000000 µs = 9999-12-31T00:00:00Z, -1 = 1969-12-31T23:59:59.999999Z.
const TS = BigInt64Array.of(1_700_000_000_123_456n, -1n, 253_402_214_400_000_000n, 0n);

function sampleTable(): Table {
  const dec = new Uint32Array(16);
  dec.set([12345, 0, 0, 0], 0); // 123.45
  dec.set([0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], 4); // -0.01
  return new Table({
    s: vectorFromArray(["plain", "é 日本 🙂", null, ""], new Utf8()),
    large: vectorFromArray(["a", null, "ccc", "dddd"], new LargeUtf8()),
    l: vectorFromArray([-(2n ** 63n), 2n ** 63n - 1n, null, 0n], new Int64()),
    i: vectorFromArray([-(2 ** 31), 2 ** 31 - 1, null, 7], new Int32()),
    sh: vectorFromArray([-32768, 32767, null, 1], new Int16()),
    b: vectorFromArray([-128, 127, null, 0], new Int8()),
    u32: vectorFromArray([0, 2 ** 31 - 1, null, 5], new Uint32()),
    u64: vectorFromArray([0n, 2n ** 63n - 1n, null, 9n], new Uint64()),
    f: vectorFromArray([1.5, -0.25, null, 3], new Float32()),
    d: vectorFromArray([Math.PI, -1e300, null, 0.1], new Float64()),
    flag: vectorFromArray([true, false, null, true], new Bool()),
    bin: vectorFromArray([Uint8Array.of(1, 2, 255), new Uint8Array(), null, Uint8Array.of(0)], new Binary()),
    day: makeVector(makeData({ type: new DateDay(), length: 4, data: Int32Array.of(0, -1, 2932896, 19000) })),
    ts: timestamps(TS),
    // Same buffer as `ts`: apache-arrow would write a corrupt IPC stream without the copy.
    ts2: timestamps(TS),
    tsns: timestamps(
      BigInt64Array.of(1_700_000_000_123_456_789n, -1n, 0n, 999n),
      new Timestamp(TimeUnit.NANOSECOND, "UTC"),
    ),
    ntz: timestamps(BigInt64Array.of(1_000_000n, 2n, 3n, 4n), new Timestamp(TimeUnit.MICROSECOND)),
    dec: makeVector(makeData({ type: new Decimal(2, 10, 128), length: 4, nullCount: 0, data: dec })),
    st: vectorFromArray(
      [{ a: "x", b: "y" }, null, { a: null, b: "z" }, { a: "w", b: "" }],
      new Struct([new Field("a", new Utf8(), true), new Field("b", new Utf8(), true)]),
    ),
    m: vectorFromArray([new Map([["k", "v"]]), new Map(), null, new Map([["a", null]])], new Map_(entries)),
    arr: vectorFromArray([[1n, 2n], [], null, [3n]], new List(new Field("item", new Int64(), true))),
    dict: vectorFromArray(["x", "y", "x", null], new Dictionary(new Utf8(), new Int32())),
  });
}

describe("DeltaTable round trip", () => {
  it("splits an append larger than maxFileBytes into files of one commit, read back unchanged", async () => {
    const { root, store } = await tempStore();
    const data = sampleTable();
    const whole = await DeltaTable.ensure(store, "whole", data.schema);
    await whole.append(data);
    const split = await DeltaTable.ensure(store, "split", data.schema);
    const commit = await split.append(data, { maxFileBytes: 1 });
    expect(commit?.version).toBe(1);
    const a = (await DeltaTable.open(store, "whole"))!.snapshot;
    const b = (await DeltaTable.open(store, "split"))!.snapshot;
    expect(a.files.length).toBe(1);
    expect(b.files.length).toBe(4);
    expect(b.files.map((f) => f.stats?.numRecords)).toEqual([1, 1, 1, 1]);
    const columns = a.arrowSchema.fields.map((f) => f.name);
    const back = await b.read();
    expect(ourRows(back, columns)).toEqual(ourRows(await a.read(), columns));
    const select = ["s", "l", "CAST(m AS VARCHAR)", "CAST(arr AS VARCHAR)"];
    expect(
      await duckRows(
        b.files.map((f) => join(root, f.key)),
        select,
      ),
    ).toEqual(
      await duckRows(
        a.files.map((f) => join(root, f.key)),
        select,
      ),
    );
  });

  it("writes every type and reads back the same values", async () => {
    const { root, store } = await tempStore();
    const data = sampleTable();
    const table = await DeltaTable.ensure(store, "feature/all.delta", data.schema);
    const commit = await table.append(data);
    expect(commit?.version).toBe(1);

    const snap = (await DeltaTable.open(store, "feature/all.delta"))!.snapshot;
    expect(snap.protocol).toEqual({
      minReaderVersion: 3,
      minWriterVersion: 7,
      readerFeatures: ["timestampNtz"],
      writerFeatures: ["timestampNtz"],
    });
    const types = Object.fromEntries(
      parseSchemaString(snap.metadata.schemaString).fields.map((f) => [f.name, f.type]),
    );
    expect(types).toEqual({
      s: "string",
      large: "string",
      l: "long",
      i: "integer",
      sh: "short",
      b: "byte",
      u32: "integer",
      u64: "long",
      f: "float",
      d: "double",
      flag: "boolean",
      bin: "binary",
      day: "date",
      ts: "timestamp",
      ts2: "timestamp",
      tsns: "timestamp",
      ntz: "timestamp_ntz",
      dec: "decimal(10,2)",
      st: {
        type: "struct",
        fields: [
          { name: "a", type: "string", nullable: true, metadata: {} },
          { name: "b", type: "string", nullable: true, metadata: {} },
        ],
      },
      m: { type: "map", keyType: "string", valueType: "string", valueContainsNull: true },
      arr: { type: "array", elementType: "long", containsNull: true },
      dict: "string",
    });

    const back = await snap.read();
    expect(back.numRows).toBe(4);
    expect(back.schema.fields.map((f) => String(f.type))).toEqual([
      "Utf8",
      "Utf8",
      "Int64",
      "Int32",
      "Int16",
      "Int8",
      "Int32",
      "Int64",
      "Float32",
      "Float64",
      "Bool",
      "Binary",
      "Date32<DAY>",
      "Timestamp<MICROSECOND, UTC>",
      "Timestamp<MICROSECOND, UTC>",
      "Timestamp<MICROSECOND, UTC>",
      "Timestamp<MICROSECOND>",
      "Decimal[10e+2]",
      "Struct<{a:Utf8, b:Utf8}>",
      "Map<{key:Utf8, value:Utf8}>",
      "List<Int64>",
      "Utf8",
    ]);
    const decimal = back.getChild("dec")!.type as Decimal;
    expect([decimal.precision, decimal.scale, decimal.bitWidth]).toEqual([10, 2, 128]);
    const col = (name: string) => [...back.getChild(name)!];
    const raw = (name: string) => back.getChild(name)!.data.flatMap((d) => [...(d.values as BigInt64Array)]);
    expect(col("s")).toEqual(["plain", "é 日本 🙂", null, ""]);
    expect(col("large")).toEqual(["a", null, "ccc", "dddd"]);
    expect(col("l")).toEqual([-(2n ** 63n), 2n ** 63n - 1n, null, 0n]);
    expect(col("i")).toEqual([-(2 ** 31), 2 ** 31 - 1, null, 7]);
    expect(col("sh")).toEqual([-32768, 32767, null, 1]);
    expect(col("b")).toEqual([-128, 127, null, 0]);
    expect(col("u32")).toEqual([0, 2 ** 31 - 1, null, 5]);
    expect(col("u64")).toEqual([0n, 2n ** 63n - 1n, null, 9n]);
    expect(col("f")).toEqual([1.5, -0.25, null, 3]);
    expect(col("d")).toEqual([Math.PI, -1e300, null, 0.1]);
    expect(col("flag")).toEqual([true, false, null, true]);
    expect(col("bin")).toEqual([Uint8Array.of(1, 2, 255), new Uint8Array(), null, Uint8Array.of(0)]);
    expect([...(back.getChild("day")!.data[0]!.values as Int32Array)]).toEqual([0, -1, 2932896, 19000]);
    expect(raw("ts")).toEqual([...TS]);
    expect(raw("ts2")).toEqual([...TS]);
    expect(raw("tsns")).toEqual([1_700_000_000_123_456n, -1n, 0n, 0n]);
    expect(raw("ntz")).toEqual([1_000_000n, 2n, 3n, 4n]);
    expect([...(back.getChild("dec")!.data[0]!.values as Uint32Array)].slice(0, 8)).toEqual([
      12345, 0, 0, 0, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
    ]);
    expect(col("st").map(canonicalJson)).toEqual([
      '{"a":"x","b":"y"}',
      "null",
      '{"a":null,"b":"z"}',
      '{"a":"w","b":""}',
    ]);
    expect(col("m").map(canonicalJson)).toEqual(['{"k":"v"}', "{}", "null", '{"a":null}']);
    expect(col("arr").map(canonicalJson)).toEqual(["[1,2]", "[]", "null", "[3]"]);
    expect(col("dict")).toEqual(["x", "y", "x", null]);

    // DuckDB reads the same rows from our Parquet file.
    const files = snap.files.map((f) => join(root, f.key));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\/part-00000-[0-9a-f-]{36}-c000\.snappy\.parquet$/);
    const columns = ["s", "l", "i", "flag", "day", "ts", "ts2", "ntz", "st", "m", "arr"];
    const select = [
      "s",
      "l",
      "i",
      "flag",
      "day - DATE '1970-01-01'",
      "epoch_us(ts)",
      "epoch_us(ts2)",
      "epoch_us(ntz)",
      "to_json(st)",
      "to_json(m)",
      "to_json(arr)",
    ];
    expect(await duckRows(files, select)).toEqual(ourRows(back, columns));
  });

  it("records stats for top-level primitive columns", async () => {
    const { store } = await tempStore();
    const table = await DeltaTable.ensure(store, "t", sampleTable().schema);
    await table.append(sampleTable());
    const stats = table.snapshot.files[0]!.stats!;
    expect(stats.numRecords).toBe(4);
    expect(stats.minValues).toEqual({
      s: "",
      large: "a",
      i: -(2 ** 31),
      sh: -32768,
      b: -128,
      u32: 0,
      u64: 0,
      f: -0.25,
      d: -1e300,
      flag: false,
      day: "1969-12-31",
      ts: "1969-12-31T23:59:59.999999Z",
      ts2: "1969-12-31T23:59:59.999999Z",
      tsns: "1969-12-31T23:59:59.999999Z",
      ntz: "1970-01-01T00:00:00.000002",
      dict: "x",
    });
    expect(stats.maxValues).toEqual({
      s: "é 日本 🙂",
      large: "dddd",
      i: 2 ** 31 - 1,
      sh: 32767,
      b: 127,
      u32: 2 ** 31 - 1,
      f: 3,
      d: Math.PI,
      flag: true,
      day: "9999-12-31",
      ts: "9999-12-31T00:00:00.000000Z",
      ts2: "9999-12-31T00:00:00.000000Z",
      tsns: "2023-11-14T22:13:20.123456Z",
      ntz: "1970-01-01T00:00:01.000000",
      dict: "y",
    });
    expect(stats.nullCount).toMatchObject({ s: 1, l: 1, flag: 1, bin: 1, dec: 0, ts: 0 });
    // Longs beyond ±2^53 have no exact JSON number: no min/max, so pruning never trusts a rounded one.
    expect("l" in stats.minValues).toBe(false);
  });

  it("writes sliced and multi-batch input", async () => {
    const { store } = await tempStore();
    const full = sampleTable();
    const table = await DeltaTable.ensure(store, "t", full.schema);
    await table.append(full.slice(1, 3));
    await table.append(full.concat(full));
    const back = await table.read({ columns: ["s", "ts", "st", "m", "arr"] });
    expect(back.numRows).toBe(10);
    expect(back.getChild("s")!.toArray().slice(0, 2)).toEqual(["é 日本 🙂", null]);
    expect(back.getChild("ts")!.data.flatMap((d) => [...(d.values as BigInt64Array)])).toEqual([
      ...TS.slice(1, 3),
      ...TS,
      ...TS,
    ]);
    expect([...back.getChild("arr")!].slice(0, 2).map(canonicalJson)).toEqual(["[]", "null"]);
    expect([...back.getChild("m")!].slice(0, 2).map(canonicalJson)).toEqual(["{}", "null"]);
  });

  it("projects columns and reads empty tables with their schema", async () => {
    const { store } = await tempStore();
    const table = await DeltaTable.ensure(store, "t", sampleTable().schema);
    const empty = await table.read({ columns: ["ts", "s"] });
    expect(empty.numRows).toBe(0);
    expect(empty.schema.fields.map((f) => f.name)).toEqual(["ts", "s"]);
    expect(empty.getChild("s")!.data).toHaveLength(1);
    await table.append(sampleTable());
    const some = await table.read({ columns: ["flag"] });
    expect(some.schema.fields.map((f) => f.name)).toEqual(["flag"]);
    expect([...some.getChild("flag")!]).toEqual([true, false, null, true]);
    await expect(table.read({ columns: ["nope"] })).rejects.toThrow(MetadataSchemaError);
  });

  it("refuses values that do not fit and types Delta cannot store", async () => {
    const { store } = await tempStore();
    const big = new Table({ u: vectorFromArray([2n ** 63n], new Uint64()) });
    const table = await DeltaTable.ensure(store, "t", big.schema);
    const error = await table.append(big).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetadataSchemaError);
    expect((error as MetadataSchemaError).code).toBe("METADATA_SCHEMA");
    expect((error as Error).message).toBe(
      'delta: column "u" value 9223372036854775808 does not fit Int64 (from Uint64)',
    );
    const nulls = new Table({ n: makeVector(makeData({ type: new Null(), length: 2 })) });
    await expect(DeltaTable.ensure(store, "n", nulls.schema)).rejects.toThrow(
      'delta: column "n" has Arrow type Null, which Delta cannot store',
    );
    expect(table.version).toBe(0);
  });
});
