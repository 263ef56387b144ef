import { type Data, Type } from "apache-arrow";
import { chunksOf, isStringColumn, stringChunks } from "../../arrow/strings.js";
import { KernelError } from "../../errors.js";
import type { Column } from "../kernels.js";

/**
 * A string column flattened to one chunk: row i is `values[offsets[i], offsets[i + 1])`.
 *
 * @example
 * const s: FlatStrings = flatStrings(utf8Vector(["a"])); // s.offsets = [0, 1]
 */
export interface FlatStrings {
  readonly kind: "string";
  readonly length: number;
  readonly offsets: Int32Array;
  readonly values: Uint8Array;
  /** One byte per row, 0 = null; `null` when no row is null. */
  readonly valid: Uint8Array | null;
}

/**
 * An integer-valued column flattened to 64-bit two's complement words: row i is
 * `words[2i]` (low) and `words[2i + 1]` (high), sign-extended from narrower signed types.
 *
 * @example
 * const t: FlatInts = flatInts(makeVector(Int8Array.of(-1))); // t.words = [-1, -1]
 */
export interface FlatInts {
  readonly kind: "int";
  readonly length: number;
  readonly words: Int32Array;
  /** Uint64: the words are unsigned, so a set top bit means a value ≥ 2^63, not a negative one. */
  readonly unsigned64: boolean;
  readonly valid: Uint8Array | null;
}

/**
 * A key or ordering column in the one layout the portable kernels compare.
 *
 * @example
 * const cols: FlatColumn[] = [flatColumn(ids, "key"), flatColumn(ts, "key")];
 */
export type FlatColumn = FlatStrings | FlatInts;

/** Arrow types whose physical values are integers (Int*, Uint*, Date, Time, Timestamp, Duration). */
const INTEGER_TYPES: ReadonlySet<Type> = new Set([
  Type.Int,
  Type.Date,
  Type.Time,
  Type.Timestamp,
  Type.Duration,
]);

/**
 * True when the column stores integers (Int*, Uint*, Date, Time, Timestamp, Duration).
 *
 * @example
 * isIntegerColumn(makeVector(BigInt64Array.of(1n))); // true
 */
export function isIntegerColumn(column: Column): boolean {
  return INTEGER_TYPES.has(column.type.typeId);
}

/**
 * Flattens a string or integer-valued column; anything else is a `KernelError` naming `role`.
 *
 * @example
 * const k = flatColumn(table.getChild("sample_uid")!, "join key");
 */
export function flatColumn(column: Column, role: string): FlatColumn {
  if (isStringColumn(column)) return flatStrings(column);
  if (isIntegerColumn(column)) return flatInts(column);
  throw new KernelError(`kernels: ${role} must be an integer or string column, got ${column.type}`);
}

/**
 * One contiguous view of a string column. A single Utf8 chunk is borrowed without copying; other
 * layouts (several chunks, LargeUtf8, Utf8View) are copied once.
 *
 * @example
 * const s = flatStrings(utf8Vector(["a", null]));
 */
export function flatStrings(column: Column): FlatStrings {
  const chunks = stringChunks(column);
  let length = 0;
  let bytes = 0;
  let hasNulls = false;
  for (const c of chunks) {
    length += c.length;
    bytes += Number(c.offsets[c.length]) - Number(c.offsets[0]);
    hasNulls ||= c.validity !== null;
  }
  if (bytes > 0x7fffffff) {
    throw new KernelError(
      `kernels: string column of ${bytes} bytes exceeds the 2 GiB the portable kernels handle`,
    );
  }
  const valid = hasNulls ? new Uint8Array(length) : null;
  const first = chunks[0];
  if (chunks.length === 1 && first !== undefined && first.offsets instanceof Int32Array) {
    if (valid !== null) fillValid(valid, 0, first.length, first.validity, first.validityOffset);
    return { kind: "string", length, offsets: first.offsets, values: first.values, valid };
  }
  const offsets = new Int32Array(length + 1);
  const values = new Uint8Array(bytes);
  let row = 0;
  let pos = 0;
  for (const c of chunks) {
    const base = Number(c.offsets[0]);
    const end = Number(c.offsets[c.length]);
    values.set(c.values.subarray(base, end), pos);
    for (let i = 1; i <= c.length; i++) offsets[row + i] = pos + Number(c.offsets[i]) - base;
    if (valid !== null) fillValid(valid, row, c.length, c.validity, c.validityOffset);
    pos += end - base;
    row += c.length;
  }
  return { kind: "string", length, offsets, values, valid };
}

/**
 * 64-bit words of an integer-valued column (see {@link FlatInts}). A single 64-bit chunk is
 * viewed without copying.
 *
 * @example
 * const t = flatInts(makeVector(new BigInt64Array([1n, -2n])));
 */
export function flatInts(column: Column): FlatInts {
  const chunks = chunksOf(column);
  let length = 0;
  let hasNulls = false;
  for (const d of chunks) {
    length += d.length;
    hasNulls ||= d.nullCount > 0;
  }
  const unsigned64 = chunks[0]?.values instanceof BigUint64Array;
  const valid = hasNulls ? new Uint8Array(length) : null;
  const first = chunks[0];
  if (chunks.length === 1 && first !== undefined && is64(first.values)) {
    if (valid !== null) fillValid(valid, 0, first.length, first.nullBitmap ?? null, first.offset);
    const v = first.values as BigInt64Array;
    return {
      kind: "int",
      length,
      words: new Int32Array(v.buffer, v.byteOffset, 2 * first.length),
      unsigned64,
      valid,
    };
  }
  const words = new Int32Array(2 * length);
  let row = 0;
  for (const d of chunks) {
    copyWords(d, words, row);
    if (valid !== null)
      fillValid(valid, row, d.length, d.nullCount > 0 ? (d.nullBitmap ?? null) : null, d.offset);
    row += d.length;
  }
  return { kind: "int", length, words, unsigned64, valid };
}

function is64(values: unknown): boolean {
  return values instanceof BigInt64Array || values instanceof BigUint64Array;
}

function copyWords(d: Data, words: Int32Array, row: number): void {
  const v = d.values as ArrayLike<number> & ArrayBufferView;
  const n = d.length;
  if (is64(v)) {
    words.set(new Int32Array(v.buffer, v.byteOffset, 2 * n), 2 * row);
  } else if (v instanceof Int32Array || v instanceof Int16Array || v instanceof Int8Array) {
    for (let i = 0; i < n; i++) {
      const x = v[i]!;
      words[2 * (row + i)] = x;
      words[2 * (row + i) + 1] = x >> 31;
    }
  } else if (v instanceof Uint32Array || v instanceof Uint16Array || v instanceof Uint8Array) {
    for (let i = 0; i < n; i++) words[2 * (row + i)] = v[i]!;
  } else {
    throw new KernelError(`kernels: unsupported integer storage for ${d.type}`);
  }
}

/**
 * Unpacks `length` validity bits (from bit `bitOffset`) into one byte per row at `row`.
 *
 * @example
 * const valid = new Uint8Array(3);
 * fillValid(valid, 0, 3, Uint8Array.of(0b101), 0); // valid = [1, 0, 1]
 */
export function fillValid(
  valid: Uint8Array,
  row: number,
  length: number,
  bitmap: Uint8Array | null,
  bitOffset: number,
): void {
  if (bitmap === null) {
    valid.fill(1, row, row + length);
    return;
  }
  for (let i = 0; i < length; i++) {
    const bit = bitOffset + i;
    valid[row + i] = (bitmap[bit >> 3]! >> (bit & 7)) & 1;
  }
}
