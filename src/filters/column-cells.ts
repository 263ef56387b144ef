import { type Data, Type } from "apache-arrow";
import { stringChunks } from "../arrow/strings.js";
import type { ResolvedColumn } from "./resolve-column.js";
import type { ValueDomain } from "./value-domain.js";

/**
 * A non-string cell: a number, an exact bigint, or an instant in nanoseconds.
 *
 * @example
 * const c: Cell = 1_704_067_200_000_000_000n; // 2024-01-01T00:00:00Z
 */
export type Cell = number | bigint;

/** Cells of one chunk (nulls not masked). */
function chunkCells(data: Data, domain: ValueDomain): Cell[] {
  if (data.typeId === Type.Dictionary) {
    const entries = data.dictionary!.data.flatMap((d) => chunkCells(d, domain));
    const indices = data.values as ArrayLike<number | bigint>;
    return Array.from({ length: data.length }, (_, i) => entries[Number(indices[i])]!);
  }
  if (domain.kind === "bool") {
    const bits = data.values as Uint8Array;
    return Array.from(
      { length: data.length },
      (_, i) => (bits[(data.offset + i) >> 3]! >> ((data.offset + i) & 7)) & 1,
    );
  }
  if (domain.kind === "null") return new Array<Cell>(data.length).fill(0);
  const raw = data.values as ArrayLike<number | bigint>;
  const values = Array.from({ length: data.length }, (_, i) => raw[i]!);
  if (domain.kind === "number" || domain.kind === "int64") {
    return domain.unitNs === null ? values : values.map((v) => BigInt(v) * domain.unitNs!);
  }
  return values;
}

/**
 * A numeric column as doubles when that is exact (8–32-bit ints, floats, Int64 values within
 * ±2^53); null otherwise, leaving the general path to compare bigints.
 *
 * @example
 * doubles(resolveColumn(table, "n"), valueDomain(new Int32())); // Float64Array [1, 2, …]
 */
export function doubles(column: ResolvedColumn, domain: ValueDomain): Float64Array | null {
  if ((domain.kind !== "number" && domain.kind !== "int64") || domain.unitNs !== null) return null;
  const total = column.chunks.reduce((n, c) => n + c.data.length, 0);
  const out = new Float64Array(total);
  let at = 0;
  for (const { data } of column.chunks) {
    if (data.typeId === Type.Dictionary) return null;
    const values = data.values as ArrayLike<number> | BigInt64Array | BigUint64Array;
    if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
      const lo = new Uint32Array(values.buffer, values.byteOffset, data.length * 2);
      const hi =
        values instanceof BigInt64Array
          ? new Int32Array(values.buffer, values.byteOffset, data.length * 2)
          : lo;
      for (let i = 0; i < data.length; i++) {
        const h = hi[2 * i + 1]!;
        if (h < -0x200000 || h >= 0x200000) return null;
        out[at + i] = h * 4294967296 + lo[2 * i]!;
      }
    } else {
      for (let i = 0; i < data.length; i++) out[at + i] = values[i]!;
    }
    at += data.length;
  }
  return out;
}

/**
 * Every cell of a non-string column as a JS value, nulls not masked (callers check validity).
 *
 * @example
 * cells(resolveColumn(table, "ts"), valueDomain(table.getChild("ts")!.type)); // [1704067200000000000n, …]
 */
export function cells(column: ResolvedColumn, domain: ValueDomain): Cell[] {
  return column.chunks.flatMap((c) => chunkCells(c.data, domain));
}

/**
 * Where each row's UTF-8 bytes live: `buffers[buffer[i]]` from `start[i]` to `end[i]`.
 *
 * @example
 * const { buffers, buffer, start, end } = stringSpans(column);
 * const bytes = buffers[buffer[0]!]!.subarray(start[0], end[0]);
 */
export interface StringSpans {
  readonly buffers: Uint8Array[];
  readonly buffer: Uint32Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
}

/**
 * Row spans of a string column (dictionary chunks resolved through their dictionary), so two
 * columns can be compared row by row without copying or decoding.
 *
 * @example
 * const left = stringSpans(resolveColumn(table, "a"));
 */
export function stringSpans(column: ResolvedColumn): StringSpans {
  const total = column.chunks.reduce((n, c) => n + c.data.length, 0);
  const spans = {
    buffers: [] as Uint8Array[],
    buffer: new Uint32Array(total),
    start: new Float64Array(total),
    end: new Float64Array(total),
  };
  let at = 0;
  for (const { data } of column.chunks) {
    if (data.typeId === Type.Dictionary) {
      const dict = stringSpans({
        name: "",
        type: data.type,
        chunks: data.dictionary!.data.map((d) => ({ data: d, ancestors: [] })),
      });
      const base = spans.buffers.length;
      spans.buffers.push(...dict.buffers);
      const indices = data.values as ArrayLike<number | bigint>;
      for (let i = 0; i < data.length; i++) {
        const k = Number(indices[i]);
        spans.buffer[at + i] = base + dict.buffer[k]!;
        spans.start[at + i] = dict.start[k]!;
        spans.end[at + i] = dict.end[k]!;
      }
    } else {
      const c = stringChunks(data)[0]!;
      spans.buffers.push(c.values);
      spans.buffer.fill(spans.buffers.length - 1, at, at + c.length);
      for (let i = 0; i < c.length; i++) {
        spans.start[at + i] = Number(c.offsets[i]);
        spans.end[at + i] = Number(c.offsets[i + 1]);
      }
    }
    at += data.length;
  }
  return spans;
}
