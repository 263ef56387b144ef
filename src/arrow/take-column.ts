import { Binary, type Data, type DataType, type FixedSizeList, Type, Utf8, Vector } from "apache-arrow";
import { InvalidArgumentError } from "../errors.js";
import type { Column } from "../kernels/kernels.js";
import { getBit, newBitmap, setBit, validityOf } from "./bitmap.js";
import { makeChunk } from "./chunk.js";
import { concatUtf8 } from "./concat-utf8.js";
import { gatherUniformMap, type PickedRows } from "./gather-uniform-map.js";
import { nullData } from "./null-vector.js";
import { chunksOf, isValidAt, stringChunks } from "./strings.js";

/**
 * The signature of `Kernels.take`: gather rows by index, `-1` gives null.
 *
 * @example
 * const take: TakeFn = kernels.take;
 */
export type TakeFn = (column: Column, indices: Int32Array) => Vector;

/**
 * Gathers rows of any column by index into one fresh chunk; `-1` gives a null row. Handles multiple
 * chunks, sliced chunks, nested types (Struct, Map, List) and dictionaries (returned decoded);
 * string columns come back as Utf8 and binary ones as Binary. With `take` (a `Kernels.take`),
 * fixed-width and string leaves go through it and the nesting is handled here.
 *
 * @example
 * takeColumn(utf8Vector(["a", "b", "c"]), Int32Array.of(2, -1, 0)).toArray(); // ["c", null, "a"]
 */
export function takeColumn(column: Column, indices: Int32Array, take?: TakeFn): Vector {
  return new Vector([gather(column, indices, take)]);
}

/**
 * A column as exactly one chunk (the same chunk when it already is one; a gathered copy otherwise).
 *
 * @example
 * const data = oneChunk(table.getChild("id")!);
 */
export function oneChunk(column: Column): Data {
  const chunks = chunksOf(column);
  if (chunks.length === 1) return chunks[0]!;
  if (chunks.length > 1 && chunks.every((d) => d.typeId === Type.Utf8)) return concatUtf8(chunks);
  return gather(column, iota(chunks.reduce((n, d) => n + d.length, 0)));
}

/**
 * The indices 0, 1, …, n − 1.
 *
 * @example
 * iota(3); // Int32Array [0, 1, 2]
 */
export function iota(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

const LEAVES = new Set<number>([
  Type.Int,
  Type.Float,
  Type.Timestamp,
  Type.Date,
  Type.Time,
  Type.Duration,
  Type.Utf8,
  Type.LargeUtf8,
  Type.Utf8View,
]);

/** Where each requested row lives: its chunk (null when there is one chunk) and index in it. */
type Located = PickedRows;

function gather(column: Column, indices: Int32Array, take?: TakeFn): Data {
  const type: DataType = column.type;
  if (take && LEAVES.has(type.typeId)) return oneChunk(take(column, indices));
  const given = chunksOf(column);
  const chunks = given.length > 0 ? given : [nullData(type, 0)];
  const at = locate(chunks, indices);
  const m = indices.length;
  switch (type.typeId) {
    case Type.Null:
      return makeChunk(type, m, m, {});
    case Type.Bool:
      return gatherBool(chunks, at);
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Utf8View:
    case Type.Binary:
    case Type.LargeBinary:
      return gatherBytes(chunks, at, type);
    case Type.Struct: {
      const { validity, nulls } = gatherValidity(chunks, at);
      const children = type.children.map((_, k) =>
        gather(new Vector(chunks.map((c) => fitChild(c.children[k]!, c.length))), indices, take),
      );
      return makeChunk(type, m, nulls, { validity }, children);
    }
    case Type.List:
    case Type.LargeList:
      return gatherList(chunks, at, type, take);
    case Type.Map: {
      const { validity, nulls } = gatherValidity(chunks, at);
      const child = (c: Vector, i: Int32Array) => gather(c, i, take);
      return (
        gatherUniformMap(chunks, at, validity, nulls, type, child) ??
        gatherList(chunks, at, type, take, { validity, nulls })
      );
    }
    case Type.FixedSizeList:
      return gatherFixedList(chunks, at, type as FixedSizeList, take);
    case Type.Dictionary:
      return gatherDictionary(chunks, at, take);
    default:
      if (chunks.every((c) => c.values !== undefined && c.children.length === 0))
        return gatherFixed(chunks, at, type);
      throw new InvalidArgumentError(`arrow: take does not support columns of type ${type}`);
  }
}

function locate(chunks: readonly Data[], indices: Int32Array): Located {
  const starts = new Int32Array(chunks.length + 1);
  chunks.forEach((d, c) => {
    starts[c + 1] = starts[c]! + d.length;
  });
  const total = starts[chunks.length]!;
  const m = indices.length;
  if (chunks.length === 1) {
    for (let r = 0; r < m; r++) {
      const i = indices[r]!;
      if (i < -1 || i >= total) outOfRange(i, total);
    }
    return { chunk: null, local: indices };
  }
  const chunk = new Int32Array(m);
  const local = new Int32Array(m);
  // Indices mostly run through the chunks in order (keep-latest and joins give ascending ones):
  // stay in the current chunk while they fall in it, search only when they leave it.
  let c = 0;
  let lo = starts[0]!;
  let hi = starts[1]!;
  for (let r = 0; r < m; r++) {
    const i = indices[r]!;
    if (i < 0) {
      if (i < -1) outOfRange(i, total);
      local[r] = -1;
      continue;
    }
    if (i < lo || i >= hi) {
      if (i >= total) outOfRange(i, total);
      c = chunkOf(starts, i);
      lo = starts[c]!;
      hi = starts[c + 1]!;
    }
    chunk[r] = c;
    local[r] = i - lo;
  }
  return { chunk, local };
}

/** The last chunk starting at or before row `i` (an empty chunk never wins: the next one starts there too). */
function chunkOf(starts: Int32Array, i: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function outOfRange(i: number, total: number): never {
  throw new InvalidArgumentError(`arrow: take index ${i} is out of range for ${total} rows`);
}

function gatherValidity(chunks: readonly Data[], at: Located): { validity: Uint8Array; nulls: number } {
  const m = at.local.length;
  const validity = newBitmap(m);
  const local = at.local;
  const bitmaps = chunks.map((c) => (c.typeId === Type.Null ? null : validityOf(c)));
  if (chunks.every((c, k) => c.typeId !== Type.Null && bitmaps[k] === null)) {
    // No null in the source: only -1 indices give nulls.
    let nulls = 0;
    for (let r = 0; r < m; r++) if (local[r]! < 0) nulls++;
    if (nulls === 0) validity.fill(0xff);
    else for (let r = 0; r < m; r++) if (local[r]! >= 0) validity[r >> 3]! |= 1 << (r & 7);
    return { validity, nulls };
  }
  const allNull = chunks.map((c) => c.typeId === Type.Null);
  let nulls = 0;
  for (let r = 0; r < m; r++) {
    const l = local[r]!;
    const c = at.chunk ? at.chunk[r]! : 0;
    const bits = bitmaps[c];
    if (l >= 0 && !allNull[c] && (bits == null || isValidAt(bits, chunks[c]!.offset, l))) setBit(validity, r);
    else nulls++;
  }
  return { validity, nulls };
}

function gatherFixed(chunks: readonly Data[], at: Located, type: DataType): Data {
  const ArrayType = type.ArrayType as Int32ArrayConstructor;
  const width = ArrayType.BYTES_PER_ELEMENT * (chunks[0]?.stride ?? 1);
  const m = at.local.length;
  const out = new ArrayType((m * width) / ArrayType.BYTES_PER_ELEMENT);
  // Copy through 32-bit words (or bytes) so 64-bit values never become BigInts or canonicalised NaNs.
  const aligned = width % 4 === 0 && chunks.every((c) => (c.values as ArrayBufferView).byteOffset % 4 === 0);
  const words = aligned ? width / 4 : width;
  const view = (v: ArrayBufferView) =>
    aligned
      ? new Int32Array(v.buffer, v.byteOffset, v.byteLength >> 2)
      : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  const sources = chunks.map((c) => view(c.values as ArrayBufferView));
  const target = view(out);
  for (let r = 0; r < m; r++) {
    const l = at.local[r]!;
    if (l < 0) continue;
    const src = sources[at.chunk ? at.chunk[r]! : 0]!;
    for (let w = 0; w < words; w++) target[r * words + w] = src[l * words + w]!;
  }
  const { validity, nulls } = gatherValidity(chunks, at);
  return makeChunk(type, m, nulls, { values: out, validity });
}

function gatherBool(chunks: readonly Data[], at: Located): Data {
  const m = at.local.length;
  const out = newBitmap(m);
  for (let r = 0; r < m; r++) {
    const l = at.local[r]!;
    if (l < 0) continue;
    const c = chunks[at.chunk ? at.chunk[r]! : 0]!;
    if (getBit(c.values as Uint8Array, c.offset + l)) setBit(out, r);
  }
  const { validity, nulls } = gatherValidity(chunks, at);
  return makeChunk(chunks[0]!.type, m, nulls, { values: out, validity });
}

/** Variable-width rows (strings, binary) copied into one Utf8 / Binary chunk with Int32 offsets. */
function gatherBytes(chunks: readonly Data[], at: Located, type: DataType): Data {
  const isString =
    type.typeId === Type.Utf8 || type.typeId === Type.LargeUtf8 || type.typeId === Type.Utf8View;
  const sources = isString
    ? stringChunks(new Vector(chunks))
    : chunks.map((c) => ({
        offsets: (c.valueOffsets as Int32Array | BigInt64Array).subarray(0, c.length + 1),
        values: c.values as Uint8Array,
      }));
  const { validity, nulls } = gatherValidity(chunks, at);
  const m = at.local.length;
  const offsets = new Int32Array(m + 1);
  let total = 0;
  for (let r = 0; r < m; r++) {
    const l = at.local[r]!;
    if (l >= 0 && getBit(validity, r)) {
      const s = sources[at.chunk ? at.chunk[r]! : 0]!;
      total += Number(s.offsets[l + 1]) - Number(s.offsets[l]);
      if (total > 0x7fffffff)
        throw new InvalidArgumentError("arrow: take result exceeds 2 GiB of string data");
    }
    offsets[r + 1] = total;
  }
  const values = new Uint8Array(total);
  // Consecutive rows of one chunk (a concatenation, ascending picks) are copied as one range.
  for (let r = 0; r < m; ) {
    if (offsets[r + 1] === offsets[r]) {
      r++;
      continue;
    }
    const c = at.chunk ? at.chunk[r]! : 0;
    const s = sources[c]!;
    let l = at.local[r]!;
    const from = Number(s.offsets[l]);
    let to = Number(s.offsets[l + 1]);
    let next = r + 1;
    while (
      next < m &&
      at.local[next] === l + 1 &&
      (at.chunk === null || at.chunk[next] === c) &&
      offsets[next + 1]! - offsets[next]! === Number(s.offsets[l + 2]) - to
    ) {
      l++;
      to = Number(s.offsets[l + 1]);
      next++;
    }
    const at0 = offsets[r]!;
    if (to - from > 32) values.set(s.values.subarray(from, to), at0);
    else for (let b = 0; b < to - from; b++) values[at0 + b] = s.values[from + b]!;
    r = next;
  }
  const outType = isString ? utf8Type(type) : binaryType(type);
  return makeChunk(outType, m, nulls, { offsets, values, validity });
}

function gatherList(
  chunks: readonly Data[],
  at: Located,
  type: DataType,
  take: TakeFn | undefined,
  picked = gatherValidity(chunks, at),
): Data {
  const { validity, nulls } = picked;
  const childChunks = chunks.map((c) => c.children[0]!);
  const bases = [0];
  for (const d of childChunks) bases.push(bases[bases.length - 1]! + d.length);
  const offsetsOf = chunks.map((c) => c.valueOffsets as Int32Array | BigInt64Array);
  const m = at.local.length;
  const large = type.typeId === Type.LargeList;
  const sizes = new Int32Array(m + 1);
  let total = 0;
  for (let r = 0; r < m; r++) {
    const l = at.local[r]!;
    if (l >= 0 && getBit(validity, r)) {
      const o = offsetsOf[at.chunk ? at.chunk[r]! : 0]!;
      total += Number(o[l + 1]) - Number(o[l]);
      if (total > 0x7fffffff) throw new InvalidArgumentError("arrow: take result exceeds 2^31 list entries");
    }
    sizes[r + 1] = total;
  }
  const childIndices = new Int32Array(total);
  for (let r = 0; r < m; r++) {
    const from = sizes[r]!;
    const count = sizes[r + 1]! - from;
    if (count === 0) continue;
    const c = at.chunk ? at.chunk[r]! : 0;
    const start = bases[c]! + Number(offsetsOf[c]![at.local[r]!]);
    for (let k = 0; k < count; k++) childIndices[from + k] = start + k;
  }
  const offsets = large ? BigInt64Array.from(sizes, BigInt) : sizes;
  const child = gather(new Vector(childChunks), childIndices, take);
  return makeChunk(type, m, nulls, { offsets, validity }, [child]);
}

function gatherFixedList(chunks: readonly Data[], at: Located, type: FixedSizeList, take?: TakeFn): Data {
  const size = type.listSize;
  const childChunks = chunks.map((c) => fitChild(c.children[0]!, c.length * size));
  const bases = [0];
  for (const d of childChunks) bases.push(bases[bases.length - 1]! + d.length);
  const m = at.local.length;
  const childIndices = new Int32Array(m * size).fill(-1);
  for (let r = 0; r < m; r++) {
    const l = at.local[r]!;
    if (l < 0) continue;
    const base = bases[at.chunk ? at.chunk[r]! : 0]! + l * size;
    for (let k = 0; k < size; k++) childIndices[r * size + k] = base + k;
  }
  const { validity, nulls } = gatherValidity(chunks, at);
  return makeChunk(type, m, nulls, { validity }, [gather(new Vector(childChunks), childIndices, take)]);
}

function gatherDictionary(chunks: readonly Data[], at: Located, take?: TakeFn): Data {
  const shared = chunks.every((c) => c.dictionary === chunks[0]!.dictionary);
  const dictionaries = shared ? [chunks[0]!.dictionary!] : chunks.map((c) => c.dictionary!);
  const bases = [0];
  for (const d of dictionaries) bases.push(bases[bases.length - 1]! + d.length);
  const { validity } = gatherValidity(chunks, at);
  const m = at.local.length;
  const keys = new Int32Array(m);
  for (let r = 0; r < m; r++) {
    const c = at.chunk ? at.chunk[r]! : 0;
    keys[r] = getBit(validity, r)
      ? bases[shared ? 0 : c]! + Number((chunks[c]!.values as Int32Array)[at.local[r]!])
      : -1;
  }
  return gather(new Vector(dictionaries.flatMap((d) => d.data)), keys, take);
}

/** A struct / fixed-size-list child cut to the rows its parent covers. */
function fitChild(child: Data, length: number): Data {
  return child.length > length ? child.slice(0, length) : child;
}

function utf8Type(type: DataType): DataType {
  return type.typeId === Type.Utf8 ? type : new Utf8();
}

function binaryType(type: DataType): DataType {
  return type.typeId === Type.Binary ? type : new Binary();
}
