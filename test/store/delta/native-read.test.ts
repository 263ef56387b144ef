import {
  Binary,
  Bool,
  DateDay,
  Field,
  Float64,
  Int8,
  Int32,
  Int64,
  List,
  Map_,
  Schema,
  Struct,
  Table,
  Timestamp,
  TimeUnit,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from "apache-arrow";
import {
  Compression,
  Table as WasmTable,
  WriterPropertiesBuilder,
  WriterVersion,
  writeParquet,
} from "parquet-wasm";
import { describe, expect, it } from "vitest";
import type { ParquetDecoder } from "../../../src/kernels/parquet-decoder.js";
import { type ByteSource, openByteSource } from "../../../src/store/delta/byte-source.js";
import { DeltaTable } from "../../../src/store/delta/delta-table.js";
import { readNativeFile } from "../../../src/store/delta/native-parquet/read-native-file.js";
import { type FileReadPlan, readDataFile } from "../../../src/store/delta/parquet-read.js";
import { LocalObjectStore } from "../../../src/store/io/local.js";
import { announceSkip, haveNative, native, nativeRequired } from "../../kernels/native-support.js";

import { FIXTURES } from "./helpers.js";

announceSkip("native-read.test.ts");

const N = 2_000;
const utc = new Timestamp(TimeUnit.MICROSECOND, "UTC");
const byField = new Map_(
  new Field(
    "entries",
    new Struct([new Field("key", new Utf8(), false), new Field("value", new Utf8(), true)] as never),
  ),
);
const pair = new Struct([new Field("a", new Utf8(), true), new Field("b", new Int64(), true)]);

/** Every type the Delta store writes, with nulls, empty strings, empty and null maps, null structs. */
function sample(): Table {
  const pick = <T>(i: number, every: number, value: T): T | null => (i % every === 0 ? null : value);
  const rows = Array.from({ length: N }, (_, i) => i);
  return new Table({
    id: vectorFromArray(
      rows.map((i) => BigInt(i) - 1000n),
      new Int64(),
    ),
    small: vectorFromArray(
      rows.map((i) => pick(i, 7, (i % 200) - 100)),
      new Int8(),
    ),
    n32: vectorFromArray(
      rows.map((i) => pick(i, 5, i * 3 - 7)),
      new Int32(),
    ),
    x: vectorFromArray(
      rows.map((i) => pick(i, 11, i / 7)),
      new Float64(),
    ),
    flag: vectorFromArray(
      rows.map((i) => pick(i, 3, i % 4 === 1)),
      new Bool(),
    ),
    name: vectorFromArray(
      rows.map((i) => pick(i, 4, i % 9 === 0 ? "" : `name-${i % 37}-é`)),
      new Utf8(),
    ),
    at: vectorFromArray(
      rows.map((i) => pick(i, 6, 1_700_000_000_000 + i * 1_001.5)),
      utc,
    ),
    day: vectorFromArray(
      rows.map((i) => pick(i, 8, new Date(Date.UTC(2022, 0, 1) + i * 86_400_000))),
      new DateDay(),
    ),
    blob: vectorFromArray(
      rows.map((i) => pick(i, 10, new Uint8Array([i & 255, (i >> 8) & 255, 7]))),
      new Binary(),
    ),
    pair: vectorFromArray(
      rows.map((i) => (i % 13 === 0 ? null : { a: pick(i, 2, `a${i}`), b: pick(i, 3, BigInt(i)) })),
      pair,
    ),
    by_field: vectorFromArray(
      rows.map((i) =>
        i % 17 === 0
          ? null
          : i % 19 === 0
            ? new Map<string, string | null>()
            : new Map<string, string | null>([
                ["audio", `${i * 31}`],
                ["frames", i % 5 === 0 ? null : `f${i}`],
              ]),
      ),
      byField,
    ),
    tags: vectorFromArray(
      rows.map((i) => (i % 23 === 0 ? null : Array.from({ length: i % 4 }, (_, k) => BigInt(i + k)))),
      new List(new Field("element", new Int64(), true)),
    ),
  });
}

interface Variant {
  readonly name: string;
  readonly compression: Compression;
  readonly dictionary: boolean;
  readonly version: WriterVersion;
  /** Whether the native decoder is expected to take the file. */
  readonly native: boolean;
}

const VARIANTS: readonly Variant[] = [
  {
    name: "snappy, plain, v1",
    compression: Compression.SNAPPY,
    dictionary: false,
    version: WriterVersion.V1,
    native: true,
  },
  {
    name: "snappy, dictionary, v1",
    compression: Compression.SNAPPY,
    dictionary: true,
    version: WriterVersion.V1,
    native: true,
  },
  {
    name: "uncompressed, plain, v2",
    compression: Compression.UNCOMPRESSED,
    dictionary: false,
    version: WriterVersion.V2,
    native: true,
  },
  {
    name: "snappy, dictionary, v2",
    compression: Compression.SNAPPY,
    dictionary: true,
    version: WriterVersion.V2,
    native: true,
  },
  {
    name: "zstd, plain, v1",
    compression: Compression.ZSTD,
    dictionary: false,
    version: WriterVersion.V1,
    native: true,
  },
  {
    name: "zstd, dictionary, v2",
    compression: Compression.ZSTD,
    dictionary: true,
    version: WriterVersion.V2,
    native: true,
  },
  {
    name: "gzip (left to parquet-wasm)",
    compression: Compression.GZIP,
    dictionary: false,
    version: WriterVersion.V1,
    native: false,
  },
];

function encode(table: Table, v: Variant): Uint8Array {
  const props = new WriterPropertiesBuilder()
    .setCompression(v.compression)
    .setDictionaryEnabled(v.dictionary)
    .setWriterVersion(v.version)
    .setMaxRowGroupSize(700) // three row groups
    .setDataPageSizeLimit(1024) // several pages per chunk
    .build();
  return writeParquet(WasmTable.fromIPCStream(tableToIPC(table, "stream")), props);
}

function sourceOf(bytes: Uint8Array): ByteSource {
  return { key: "part-0.parquet", size: bytes.length, read: async (s, e) => bytes.subarray(s, e) };
}

function rowsOf(table: Table): unknown[] {
  return table
    .toArray()
    .map((r) =>
      JSON.parse(
        JSON.stringify(r.toJSON(), (_k, v) =>
          typeof v === "bigint" ? `${v}n` : v instanceof Map ? Object.fromEntries(v) : v,
        ),
      ),
    );
}

describe.skipIf(!haveNative && !nativeRequired)("native Parquet reads", () => {
  const decoder = native?.parquet as ParquetDecoder;
  const table = sample();
  const plan: FileReadPlan = { schema: table.schema, partitionColumns: new Set() };

  for (const v of VARIANTS) {
    it(`reads ${v.name} exactly as parquet-wasm does`, async () => {
      const bytes = encode(table, v);
      const direct = await readNativeFile(sourceOf(bytes), plan, {}, decoder);
      expect(direct !== null).toBe(v.native);
      const viaDecoder = await readDataFile(sourceOf(bytes), plan, {}, decoder);
      const viaWasm = await readDataFile(sourceOf(bytes), plan, {}, null);
      expect(viaDecoder.numRows).toBe(N);
      expect(viaDecoder.batches.map((b) => b.numRows)).toEqual(viaWasm.batches.map((b) => b.numRows));
      expect(rowsOf(viaDecoder)).toEqual(rowsOf(viaWasm));
      expect(rowsOf(viaWasm)).toEqual(rowsOf(table));
    });
  }

  it("projects, reorders, null-fills missing columns and fills partition values", async () => {
    const bytes = encode(table, VARIANTS[0]!);
    const schema = new Schema([
      new Field("name", new Utf8(), true),
      new Field("ID", new Int64(), true),
      new Field("absent", new Utf8(), true),
      new Field("part", new Utf8(), true),
    ]);
    const projected: FileReadPlan = { schema, partitionColumns: new Set(["part"]) };
    const t = (await readNativeFile(sourceOf(bytes), projected, { part: "p1" }, decoder))!;
    expect(t.schema.fields.map((f) => f.name)).toEqual(["name", "ID", "absent", "part"]);
    expect(t.getChild("ID")!.get(3)).toBe(-997n);
    expect(t.getChild("name")!.get(0)).toBeNull();
    expect(t.getChild("name")!.get(1)).toBe("name-1-é");
    expect(t.getChild("absent")!.nullCount).toBe(N);
    expect(t.getChild("part")!.get(N - 1)).toBe("p1");
    expect(rowsOf(t)).toEqual(rowsOf(await readDataFile(sourceOf(bytes), projected, { part: "p1" }, null)));
  });

  it("casts to the table's types (Int32 file column read as Int64)", async () => {
    const bytes = encode(table, VARIANTS[0]!);
    const schema = new Schema([new Field("n32", new Int64(), true)]);
    const t = (await readNativeFile(sourceOf(bytes), { schema, partitionColumns: new Set() }, {}, decoder))!;
    expect(t.getChild("n32")!.type.toString()).toBe("Int64");
    expect(t.getChild("n32")!.get(1)).toBe(-4n);
    expect(t.getChild("n32")!.get(5)).toBeNull();
  });

  it("leaves a file that is not Parquet to the general reader, which names it", async () => {
    const junk = new TextEncoder().encode("definitely not parquet");
    expect(await readNativeFile(sourceOf(junk), plan, {}, decoder)).toBeNull();
    await expect(readDataFile(sourceOf(junk), plan, {}, decoder)).rejects.toThrow(
      /delta: part-0.parquet is not a readable Parquet file/,
    );
  });
});

describe.skipIf(!haveNative && !nativeRequired)(
  "native Parquet reads of tables written by delta-rs and Spark",
  () => {
    const decoder = native?.parquet as ParquetDecoder;
    const fixtures = new LocalObjectStore(FIXTURES);
    // Every fixture with rows and data files we read (column mapping and deletion vectors are refused).
    const NAMES = [
      "delta-0.8.0",
      "python-0.25.5-checkpoint",
      "simple_table_with_checkpoint",
      "table_failed_last_checkpoint_update",
      "table_with_edge_timestamps",
    ];

    for (const name of NAMES) {
      it(`${name}: the decoder's read equals parquet-wasm's`, async () => {
        const table = (await DeltaTable.open(fixtures, name))!;
        const snapshot = table.snapshot;
        const viaDecoder = await snapshot.read({ decoder });
        const viaWasm = await snapshot.read();
        expect(viaDecoder.numRows).toBe(viaWasm.numRows);
        expect(viaDecoder.numRows).toBeGreaterThan(0);
        expect(rowsOf(viaDecoder)).toEqual(rowsOf(viaWasm));
      });
    }

    it("decodes the fixtures' files itself (INT96 files excepted)", async () => {
      const table = (await DeltaTable.open(fixtures, "delta-0.8.0"))!;
      const snapshot = table.snapshot;
      const plan: FileReadPlan = { schema: snapshot.arrowSchema, partitionColumns: new Set() };
      for (const file of snapshot.files) {
        const source = await openByteSource(fixtures, file.key, file.size);
        expect(await readNativeFile(source, plan, file.partitionValues, decoder)).not.toBeNull();
      }
    });
  },
);
