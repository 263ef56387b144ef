/**
 * Parquet files for the native decoder tests: source rows covering every physical type the store
 * writes (with nulls, a struct, a map and a list), written by parquet-wasm, and their column chunks
 * sliced as the footer (read by hyparquet) locates them.
 */
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
  type Compression,
  type Encoding,
  Table as WasmTable,
  WriterPropertiesBuilder,
  WriterVersion,
  writeParquet,
} from "parquet-wasm";
import { expect } from "vitest";
import { PARQUET_CODEC, PARQUET_TYPE } from "../../src/store/delta/native-parquet/parquet-enums.js";

/** Parquet `Type` numbers by the names hyparquet reports. */
export const PHYSICAL: Readonly<Record<string, number>> = PARQUET_TYPE;
const CODEC: Readonly<Record<string, number>> = PARQUET_CODEC;

const ROWS = 1500;
const rows = Array.from({ length: ROWS }, (_, i) => i);
const text = (i: number) => (i % 11 === 0 ? "" : `row-${i}-${"é".repeat(i % 4)}-${(i * 2654435761) % 1000}`);

/** One source row; `ts` holds the microseconds stored. */
export interface Row {
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

/** The source rows every file is written from. */
export const data = rows.map(row);

/** The source rows as an Arrow table (`req` non-nullable, everything else nullable). */
export function table(): Table {
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

/** Writer settings of one test file. */
export interface Options {
  readonly codec: Compression;
  readonly dictionary: boolean;
  readonly v2: boolean;
  readonly encodings?: Readonly<Record<string, Encoding>>;
}

/** Writes `t` with parquet-wasm: small pages, small write batches and 600-row row groups. */
export function write(t: Table, o: Options): Uint8Array {
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

/** A leaf column of the Parquet schema with its maximum levels. */
export interface Leaf {
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

/** One `decodeParquetChunks` chunk tuple. */
export type Spec = readonly [Uint8Array, number, number, number, number, number, number];

/** `spec` with other chunk bytes. */
export function withBytes(spec: Spec, bytes: Uint8Array): Spec {
  return [bytes, spec[1], spec[2], spec[3], spec[4], spec[5], spec[6]];
}

/** A file's leaves and its column chunks, per row group and leaf. */
export interface FileChunks {
  readonly leaves: Leaf[];
  /** Per row group, per leaf. */
  readonly specs: Spec[][];
  readonly meta: FileMetaData;
}

/** Slices every column chunk of a Parquet file as its footer locates it. */
export function chunksOf(bytes: Uint8Array): FileChunks {
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
