import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import {
  Bool,
  type DataType,
  Field,
  FixedSizeBinary,
  Float32,
  Float64,
  Int32,
  Int64,
  List,
  Map_,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampMicrosecond,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from "apache-arrow";
import { type FileMetaData, parquetMetadata, type SchemaElement } from "hyparquet";
import {
  Compression,
  Encoding,
  Table as WasmTable,
  WriterPropertiesBuilder,
  WriterVersion,
  writeParquet,
} from "parquet-wasm";
import { describe, expect, it } from "vitest";
import type { NativeBinding } from "../../src/kernels/native/binding.js";
import { announceSkip, haveNative, requireNativeTest } from "./native-support.js";

announceSkip("native-parquet.test.ts");
requireNativeTest();

/** The raw module, as src/kernels/native.ts finds it. */
function binding(): NativeBinding {
  const override = process.env.METAXY_NATIVE_LIBRARY;
  const dir = fileURLToPath(new URL("../../native/", import.meta.url));
  const file = override ?? `${dir}${readdirSync(dir).find((f) => f.endsWith(".node"))}`;
  return createRequire(import.meta.url)(file) as NativeBinding;
}

const PHYSICAL: Record<string, number> = {
  BOOLEAN: 0,
  INT32: 1,
  INT64: 2,
  INT96: 3,
  FLOAT: 4,
  DOUBLE: 5,
  BYTE_ARRAY: 6,
  FIXED_LEN_BYTE_ARRAY: 7,
};
const CODEC: Record<string, number> = { UNCOMPRESSED: 0, SNAPPY: 1, GZIP: 2, ZSTD: 6 };

const ROWS = 1500;
const rows = Array.from({ length: ROWS }, (_, i) => i);
const text = (i: number) => (i % 11 === 0 ? "" : `row-${i}-${"é".repeat(i % 4)}-${(i * 2654435761) % 1000}`);

interface Row {
  req: number;
  i32: number | null;
  i64: bigint | null;
  f64: number | null;
  f32: number | null;
  b: boolean | null;
  low: string | null;
  high: string | null;
  ts: number | null;
  fx: Uint8Array | null;
  st: { a: number | null; b: string | null } | null;
  m: Map<string, string | null> | null;
  l: (bigint | null)[] | null;
}

function row(i: number): Row {
  return {
    req: i * 7 - 5000,
    i32: i % 3 === 0 ? null : i * 31 - 20000,
    i64: i % 5 === 1 ? null : BigInt(i) * 1_000_000_007n - 9_000_000_000_000n,
    f64: i % 4 === 2 ? null : i / 8 - 50,
    f32: i % 9 === 8 ? null : i / 4 - 100,
    b: i % 7 === 3 ? null : i % 3 !== 1,
    low: i % 9 === 4 ? null : `v${i % 13}`,
    high: i % 6 === 5 ? null : text(i),
    ts: i % 10 === 0 ? null : 1_700_000_000_000_000 + i * 1000,
    fx: i % 8 === 7 ? null : Uint8Array.of(i & 255, (i >> 8) & 255, (i * 3) & 255),
    st: i % 4 === 0 ? null : { a: i % 3 === 0 ? null : i, b: i % 5 === 0 ? null : `s${i % 7}` },
    m:
      i % 5 === 0
        ? null
        : new Map(
            Array.from({ length: i % 4 }, (_, k): [string, string | null] => [
              `k${k}`,
              k === 1 ? null : `x${i}-${k}`,
            ]),
          ),
    l: i % 6 === 0 ? null : Array.from({ length: i % 5 }, (_, k) => (k === 2 ? null : BigInt(i * 10 + k))),
  };
}

const data = rows.map(row);

function table(): Table {
  const n = <T extends DataType>(name: string, type: T, nullable = true) => new Field(name, type, nullable);
  const fields = [
    n("req", new Int32(), false),
    n("i32", new Int32()),
    n("i64", new Int64()),
    n("f64", new Float64()),
    n("f32", new Float32()),
    n("b", new Bool()),
    n("low", new Utf8()),
    n("high", new Utf8()),
    n("ts", new TimestampMicrosecond("UTC")),
    n("fx", new FixedSizeBinary(3)),
    n("st", new Struct([n("a", new Int32()), n("b", new Utf8())])),
    n(
      "m",
      new Map_(
        n(
          "entries",
          new Struct<{ key: Utf8; value: Utf8 }>([n("key", new Utf8(), false), n("value", new Utf8())]),
          false,
        ),
      ),
    ),
    n("l", new List(n("item", new Int64()))),
  ];
  const pick = (name: keyof Row) => data.map((r) => r[name]);
  const columns = fields.map((f) => {
    // apache-arrow takes timestamps in milliseconds; the rows hold the microseconds stored.
    const values =
      f.name === "ts"
        ? pick("ts").map((v) => (v === null ? null : (v as number) / 1000))
        : pick(f.name as keyof Row);
    return vectorFromArray(values as never[], f.type).data[0]!;
  });
  const schema = new Schema(fields);
  const batch = new RecordBatch(
    schema,
    makeData({ type: new Struct(fields), length: ROWS, children: columns }),
  );
  return new Table(schema, [batch]);
}

interface Options {
  readonly codec: Compression;
  readonly dictionary: boolean;
  readonly v2: boolean;
  readonly encodings?: Readonly<Record<string, Encoding>>;
}

function write(t: Table, o: Options): Uint8Array {
  let props = new WriterPropertiesBuilder()
    .setCompression(o.codec)
    .setDictionaryEnabled(o.dictionary)
    .setWriterVersion(o.v2 ? WriterVersion.V2 : WriterVersion.V1)
    .setDataPageSizeLimit(700)
    .setWriteBatchSize(64)
    .setMaxRowGroupSize(600);
  for (const [col, enc] of Object.entries(o.encodings ?? {})) props = props.setColumnEncoding(col, enc);
  return writeParquet(WasmTable.fromIPCStream(tableToIPC(t, "stream")), props.build());
}

interface Leaf {
  readonly path: string;
  readonly physical: number;
  readonly typeLength: number;
  readonly maxDef: number;
  readonly maxRep: number;
}

/** Leaves of the schema tree in column order, with their maximum levels. */
function leaves(schema: readonly SchemaElement[]): Leaf[] {
  const out: Leaf[] = [];
  let next = 1;
  const walk = (prefix: string, def: number, rep: number): void => {
    const e = schema[next++]!;
    const d = def + (e.repetition_type === "REQUIRED" ? 0 : 1);
    const r = rep + (e.repetition_type === "REPEATED" ? 1 : 0);
    const path = prefix ? `${prefix}.${e.name}` : e.name;
    if (!e.num_children) {
      out.push({ path, physical: PHYSICAL[e.type!]!, typeLength: e.type_length ?? 0, maxDef: d, maxRep: r });
      return;
    }
    for (let c = 0; c < e.num_children; c++) walk(path, d, r);
  };
  for (let c = 0; c < (schema[0]!.num_children ?? 0); c++) walk("", 0, 0);
  return out;
}

type Spec = readonly [Uint8Array, number, number, number, number, number, number];

/** `spec` with other chunk bytes. */
function withBytes(spec: Spec, bytes: Uint8Array): Spec {
  return [bytes, spec[1], spec[2], spec[3], spec[4], spec[5], spec[6]];
}

interface FileChunks {
  readonly leaves: Leaf[];
  /** Per row group, per leaf. */
  readonly specs: Spec[][];
  readonly meta: FileMetaData;
}

function chunksOf(bytes: Uint8Array): FileChunks {
  const meta = parquetMetadata(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const ls = leaves(meta.schema);
  const specs = meta.row_groups.map((g) =>
    g.columns.map((c, k): Spec => {
      const m = c.meta_data!;
      const start = Number(m.dictionary_page_offset || m.data_page_offset);
      const leaf = ls[k]!;
      expect(m.path_in_schema.join(".")).toBe(leaf.path);
      return [
        bytes.subarray(start, start + Number(m.total_compressed_size)),
        leaf.physical,
        leaf.typeLength,
        CODEC[m.codec]!,
        leaf.maxDef,
        leaf.maxRep,
        Number(m.num_values),
      ];
    }),
  );
  return { leaves: ls, specs, meta };
}

/** Expected levels and non-null values of one leaf, shredded from the source rows by hand. */
interface Shredded {
  def: number[] | null;
  rep: number[] | null;
  values: unknown[];
}

function shred(path: string): Shredded {
  const def: number[] = [];
  const rep: number[] = [];
  const values: unknown[] = [];
  const flat = (get: (r: Row) => unknown) => {
    for (const r of data) {
      const v = get(r);
      def.push(v === null ? 0 : 1);
      if (v !== null) values.push(v);
    }
    return { def, rep: null, values };
  };
  switch (path) {
    case "req":
      return { def: null, rep: null, values: data.map((r) => r.req) };
    case "fx":
      return flat((r) => (r.fx === null ? null : Buffer.from(r.fx).toString("hex")));
    case "st.a":
    case "st.b":
      for (const r of data) {
        const v = r.st === null ? undefined : path === "st.a" ? r.st.a : r.st.b;
        def.push(v === undefined ? 0 : v === null ? 1 : 2);
        if (v !== undefined && v !== null) values.push(v);
      }
      return { def, rep: null, values };
    case "m.entries.key":
    case "m.entries.value":
      for (const r of data) {
        if (r.m === null || r.m.size === 0) {
          def.push(r.m === null ? 0 : 1);
          rep.push(0);
          continue;
        }
        let k = 0;
        for (const [key, value] of r.m) {
          rep.push(k++ === 0 ? 0 : 1);
          const v = path === "m.entries.key" ? key : value;
          def.push(v === null ? 2 : path === "m.entries.key" ? 2 : 3);
          if (v !== null) values.push(v);
        }
      }
      return { def, rep, values };
    case "l.list.item":
      for (const r of data) {
        if (r.l === null || r.l.length === 0) {
          def.push(r.l === null ? 0 : 1);
          rep.push(0);
          continue;
        }
        r.l.forEach((v, k) => {
          rep.push(k === 0 ? 0 : 1);
          def.push(v === null ? 2 : 3);
          if (v !== null) values.push(v);
        });
      }
      return { def, rep, values };
    default:
      return flat((r) => r[path as keyof Row]);
  }
}

type Decoded = ReturnType<NativeBinding["decodeParquetChunks"]>[number];

/** Decoded values as plain JS values of the leaf's type. */
function valuesOf(leaf: Leaf, d: Decoded): unknown[] {
  const [, , values, offsets, count] = d;
  const { buffer, byteOffset } = values;
  switch (leaf.physical) {
    case PHYSICAL.BOOLEAN:
      expect(values.length).toBe(Math.ceil(count / 8));
      return Array.from({ length: count }, (_, i) => ((values[i >> 3]! >> (i & 7)) & 1) === 1);
    case PHYSICAL.INT32:
      return Array.from(new Int32Array(buffer, byteOffset, count));
    case PHYSICAL.INT64:
      return leaf.path === "ts"
        ? Array.from(new BigInt64Array(buffer, byteOffset, count), Number)
        : Array.from(new BigInt64Array(buffer, byteOffset, count));
    case PHYSICAL.DOUBLE:
      return Array.from(new Float64Array(buffer, byteOffset, count));
    case PHYSICAL.FLOAT:
      return Array.from(new Float32Array(buffer, byteOffset, count));
    case PHYSICAL.FIXED_LEN_BYTE_ARRAY:
      expect(values.length).toBe(count * leaf.typeLength);
      return Array.from({ length: count }, (_, i) =>
        Buffer.from(values.subarray(i * leaf.typeLength, (i + 1) * leaf.typeLength)).toString("hex"),
      );
    default: {
      expect(offsets).not.toBeNull();
      expect(offsets!.length).toBe(count + 1);
      expect(offsets![0]).toBe(0);
      expect(offsets![count]).toBe(values.length);
      const dec = new TextDecoder();
      return Array.from({ length: count }, (_, i) =>
        dec.decode(values.subarray(offsets![i], offsets![i + 1])),
      );
    }
  }
}

/** Concatenates one leaf's decoded row groups and compares them with the shredded source rows. */
function expectLeaf(leaf: Leaf, decoded: Decoded[], label: string): void {
  const want = shred(leaf.path);
  const def = decoded.flatMap((d) => (d[0] === null ? [] : Array.from(d[0])));
  const rep = decoded.flatMap((d) => (d[1] === null ? [] : Array.from(d[1])));
  expect(
    decoded.every((d) => (d[0] === null) === (leaf.maxDef === 0)),
    label,
  ).toBe(true);
  expect(
    decoded.every((d) => (d[1] === null) === (leaf.maxRep === 0)),
    label,
  ).toBe(true);
  expect(
    decoded.every((d) => (d[3] === null) === (leaf.physical !== PHYSICAL.BYTE_ARRAY)),
    label,
  ).toBe(true);
  if (want.def !== null) expect(def, `${label} def`).toEqual(want.def);
  if (want.rep !== null) expect(rep, `${label} rep`).toEqual(want.rep);
  for (const d of decoded) {
    if (d[0] !== null) expect(d[4], label).toBe(Array.from(d[0]).filter((l) => l === leaf.maxDef).length);
  }
  expect(
    decoded.flatMap((d) => valuesOf(leaf, d)),
    `${label} values`,
  ).toEqual(want.values);
}

/** One decoded chunk as hex strings, for cheap exact comparison of whole results. */
function fingerprint(d: Decoded): string[] {
  const hex = (a: ArrayBufferView | null) =>
    a === null ? "null" : Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("hex");
  return [hex(d[0]), hex(d[1]), hex(d[2]), hex(d[3]), String(d[4])];
}

const EXPECTED_LEAVES = [
  "req",
  "i32",
  "i64",
  "f64",
  "f32",
  "b",
  "low",
  "high",
  "ts",
  "fx",
  "st.a",
  "st.b",
  "m.entries.key",
  "m.entries.value",
  "l.list.item",
];

describe.runIf(haveNative)("decodeParquetChunks (native)", () => {
  const t = table();

  it("decodes every column of files written with each codec, dictionary setting and page version", () => {
    const b = binding();
    const encodings = new Set<string>();
    const pageTypes = new Set<string>();
    let maxPages = 0;
    for (const codec of [Compression.UNCOMPRESSED, Compression.SNAPPY]) {
      for (const dictionary of [true, false]) {
        for (const v2 of [false, true]) {
          const label = `${Compression[codec]} dictionary=${dictionary} v2=${v2}`;
          const file = chunksOf(write(t, { codec, dictionary, v2 }));
          expect(file.leaves.map((l) => l.path)).toEqual(EXPECTED_LEAVES);
          expect(file.leaves.map((l) => [l.maxDef, l.maxRep])).toEqual([
            [0, 0],
            [1, 0],
            [1, 0],
            [1, 0],
            [1, 0],
            [1, 0],
            [1, 0],
            [1, 0],
            [1, 0],
            [1, 0],
            [2, 0],
            [2, 0],
            [2, 1],
            [3, 1],
            [3, 1],
          ]);
          expect(file.specs.length).toBeGreaterThanOrEqual(3);
          for (const g of file.meta.row_groups) {
            for (const c of g.columns) {
              for (const e of c.meta_data!.encodings) encodings.add(e);
              for (const s of c.meta_data!.encoding_stats ?? []) {
                pageTypes.add(s.page_type);
                maxPages = Math.max(maxPages, s.count);
              }
            }
          }
          const flat = file.specs.flat();
          const one = b.decodeParquetChunks(flat, 1);
          const two = b.decodeParquetChunks(flat, 2);
          expect(two.map(fingerprint)).toEqual(one.map(fingerprint));
          file.leaves.forEach((leaf, k) => {
            const decoded = file.specs.map((_, g) => one[g * file.leaves.length + k]!);
            expectLeaf(leaf, decoded, `${label} ${leaf.path}`);
          });
        }
      }
    }
    expect(maxPages).toBeGreaterThanOrEqual(4);
    expect([...pageTypes].sort()).toEqual(["DATA_PAGE", "DATA_PAGE_V2", "DICTIONARY_PAGE"]);
    for (const e of ["PLAIN", "RLE", "RLE_DICTIONARY", "DELTA_BINARY_PACKED", "DELTA_BYTE_ARRAY"]) {
      expect(encodings, e).toContain(e);
    }
  });

  it("decodes DELTA_LENGTH_BYTE_ARRAY, BYTE_STREAM_SPLIT and DELTA_BINARY_PACKED columns", () => {
    const b = binding();
    const encodings = {
      high: Encoding.DELTA_LENGTH_BYTE_ARRAY,
      low: Encoding.DELTA_BYTE_ARRAY,
      f64: Encoding.BYTE_STREAM_SPLIT,
      f32: Encoding.BYTE_STREAM_SPLIT,
      req: Encoding.DELTA_BINARY_PACKED,
      i64: Encoding.DELTA_BINARY_PACKED,
      b: Encoding.RLE,
    };
    for (const v2 of [false, true]) {
      const file = chunksOf(write(t, { codec: Compression.SNAPPY, dictionary: false, v2, encodings }));
      const seen = new Set(
        file.meta.row_groups.flatMap((g) => g.columns.flatMap((c) => c.meta_data!.encodings)),
      );
      for (const e of [
        "DELTA_LENGTH_BYTE_ARRAY",
        "DELTA_BYTE_ARRAY",
        "BYTE_STREAM_SPLIT",
        "DELTA_BINARY_PACKED",
      ]) {
        expect(seen, e).toContain(e);
      }
      const out = b.decodeParquetChunks(file.specs.flat(), 2);
      file.leaves.forEach((leaf, k) => {
        const decoded = file.specs.map((_, g) => out[g * file.leaves.length + k]!);
        expectLeaf(leaf, decoded, `v2=${v2} ${leaf.path}`);
      });
    }
  });

  it("refuses ZSTD chunks, truncated and corrupted chunks with kernels: parquet: errors", () => {
    const b = binding();
    const zstd = chunksOf(write(t, { codec: Compression.ZSTD, dictionary: false, v2: false }));
    expect(() => b.decodeParquetChunks([zstd.specs[0]![6]!], 1)).toThrow(
      /^kernels: parquet: unsupported compression codec 6 \(ZSTD\)$/,
    );
    const file = chunksOf(write(t, { codec: Compression.SNAPPY, dictionary: true, v2: false }));
    const spec = file.specs[0]![6]!;
    expect(() =>
      b.decodeParquetChunks([withBytes(spec, spec[0].subarray(0, spec[0].length - 10))], 1),
    ).toThrow(/^kernels: parquet: /);
    expect(() => b.decodeParquetChunks([[spec[0], 6, 0, 1, 1, 0, spec[6] + 1]], 1)).toThrow(
      /^kernels: parquet: column chunk ends after \d+ of \d+ values$/,
    );
    // Flipped bytes either decode to something or fail cleanly; the process survives.
    let failures = 0;
    for (let k = 0; k < 300; k++) {
      const bytes = spec[0].slice();
      const at = (k * 7919) % bytes.length;
      bytes[at] = bytes[at]! ^ (1 << (k % 8));
      try {
        b.decodeParquetChunks([withBytes(spec, bytes)], 1);
      } catch (e) {
        expect((e as Error).message).toMatch(/^kernels: parquet: /);
        failures++;
      }
    }
    expect(failures).toBeGreaterThan(0);
    expect(() => b.decodeParquetChunks([[spec[0], 9, 0, 1, 1, 0, 10]], 1)).toThrow(
      "kernels: parquet: unknown physical type 9",
    );
    expect(() => b.decodeParquetChunks([[spec[0], 6, 0, 1, 300, 0, 10]], 1)).toThrow(
      /maxDef must be at most 255/,
    );
  });
});
