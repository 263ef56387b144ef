import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Compression, Encoding } from "parquet-wasm";
import { describe, expect, it } from "vitest";
import type { NativeBinding } from "../../src/kernels/native/binding.js";
import {
  chunksOf,
  data,
  type Leaf,
  PHYSICAL,
  type Row,
  table,
  withBytes,
  write,
} from "./native-parquet-fixture.js";
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
    for (const codec of [Compression.UNCOMPRESSED, Compression.SNAPPY, Compression.ZSTD]) {
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

  it("refuses GZIP chunks, truncated and corrupted chunks with kernels: parquet: errors", () => {
    const b = binding();
    const gzip = chunksOf(write(t, { codec: Compression.GZIP, dictionary: false, v2: false }));
    expect(gzip.specs[0]![6]![3]).toBe(2);
    expect(() => b.decodeParquetChunks([gzip.specs[0]![6]!], 1)).toThrow(
      /^kernels: parquet: unsupported compression codec 2 \(GZIP\)$/,
    );
    const zstd = chunksOf(write(t, { codec: Compression.ZSTD, dictionary: true, v2: false }));
    const z = zstd.specs[0]![6]!;
    expect(z[3]).toBe(6);
    for (const cut of [1, 10, Math.floor(z[0].length / 2)]) {
      expect(() => b.decodeParquetChunks([withBytes(z, z[0].subarray(0, z[0].length - cut))], 1)).toThrow(
        /^kernels: parquet: /,
      );
    }
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
    // The same over a ZSTD chunk: zstd's own checks (block sizes, bitstreams, checksums) fail
    // cleanly too.
    let zstdFailures = 0;
    for (let k = 0; k < 300; k++) {
      const bytes = z[0].slice();
      const at = (k * 7919) % bytes.length;
      bytes[at] = bytes[at]! ^ (1 << (k % 8));
      try {
        b.decodeParquetChunks([withBytes(z, bytes)], 1);
      } catch (e) {
        expect((e as Error).message).toMatch(/^kernels: parquet: /);
        zstdFailures++;
      }
    }
    expect(zstdFailures).toBeGreaterThan(0);
    expect(() => b.decodeParquetChunks([[spec[0], 9, 0, 1, 1, 0, 10]], 1)).toThrow(
      "kernels: parquet: unknown physical type 9",
    );
    expect(() => b.decodeParquetChunks([[spec[0], 6, 0, 1, 300, 0, 10]], 1)).toThrow(
      /maxDef must be at most 255/,
    );
  });
});
