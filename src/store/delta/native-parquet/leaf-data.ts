import {
  type Data,
  type DataType,
  type FixedSizeBinary,
  type Float,
  type Int,
  makeData,
  Precision,
  Type,
} from "apache-arrow";
import { DeltaProtocolError } from "../../../errors.js";
import type { DecodedParquetChunk } from "../../../kernels/parquet-decoder.js";

/**
 * Arrow data of one decoded leaf: its elements are the level slots whose definition level is at
 * least `minDef` (every slot for a column outside lists and maps; the entries for a map's key or
 * value), null where the level is below `maxDef`. Dense values are used as they are when no element
 * is null; otherwise they are spread to their slots.
 *
 * @example
 * const ids = leafData(new Int64(), decoded, 0, 0, "id"); // every slot, no nulls
 */
export function leafData(
  type: DataType,
  chunk: DecodedParquetChunk,
  minDef: number,
  maxDef: number,
  column: string,
): Data {
  const defs = chunk.definitionLevels;
  let length = chunk.count;
  let validity: Uint8Array | null = null;
  if (defs !== null && maxDef > 0) {
    const bits = new Uint8Array((defs.length + 7) >> 3);
    let e = 0;
    for (let i = 0; i < defs.length; i++) {
      const d = defs[i]!;
      if (d < minDef) continue;
      if (d >= maxDef) bits[e >> 3]! |= 1 << (e & 7);
      e++;
    }
    if (e !== chunk.count) validity = bits.subarray(0, (e + 7) >> 3);
    length = e;
  }
  const nullCount = length - chunk.count;
  if (nullCount < 0) {
    throw new DeltaProtocolError(
      `delta: Parquet column "${column}" decoded ${chunk.count} values for ${length} slots`,
    );
  }
  const common = { type, length, nullCount, ...(validity === null ? {} : { nullBitmap: validity }) };
  switch (type.typeId) {
    case Type.Utf8:
    case Type.Binary: {
      const offsets = chunk.offsets!;
      return makeData({
        ...common,
        valueOffsets: validity === null ? offsets : spreadOffsets(offsets, validity, length),
        data: chunk.values,
      } as never);
    }
    case Type.Bool:
      return makeData({
        ...common,
        data: validity === null ? chunk.values : spreadBits(chunk.values, validity, length),
      } as never);
    default: {
      const width = byteWidth(type);
      const bytes = validity === null ? chunk.values : spreadFixed(chunk.values, validity, length, width);
      return makeData({ ...common, data: typedView(type, aligned(bytes), length) } as never);
    }
  }
}

function byteWidth(type: DataType): number {
  switch (type.typeId) {
    case Type.FixedSizeBinary:
      return (type as FixedSizeBinary).byteWidth;
    case Type.Int:
      return (type as Int).bitWidth / 8;
    case Type.Float:
      return (type as Float).precision === Precision.SINGLE ? 4 : 8;
    case Type.Date:
      return 4;
    default:
      return 8;
  }
}

function typedView(type: DataType, bytes: Uint8Array, length: number): ArrayBufferView {
  const { buffer, byteOffset } = bytes;
  switch (type.typeId) {
    case Type.FixedSizeBinary:
      return bytes;
    case Type.Float:
      return byteWidth(type) === 4
        ? new Float32Array(buffer, byteOffset, length)
        : new Float64Array(buffer, byteOffset, length);
    case Type.Int: {
      const signed = (type as Int).isSigned;
      if (byteWidth(type) === 8) {
        return signed
          ? new BigInt64Array(buffer, byteOffset, length)
          : new BigUint64Array(buffer, byteOffset, length);
      }
      return signed
        ? new Int32Array(buffer, byteOffset, length)
        : new Uint32Array(buffer, byteOffset, length);
    }
    case Type.Date:
      return new Int32Array(buffer, byteOffset, length);
    default:
      return new BigInt64Array(buffer, byteOffset, length);
  }
}

/** The bytes at an offset typed arrays of 8-byte elements accept (copied if not). */
function aligned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
}

function spreadOffsets(dense: Int32Array, validity: Uint8Array, length: number): Int32Array {
  const out = new Int32Array(length + 1);
  let v = 0;
  for (let i = 0; i < length; i++) {
    if ((validity[i >> 3]! & (1 << (i & 7))) !== 0) v++;
    out[i + 1] = dense[v]!;
  }
  return out;
}

function spreadBits(dense: Uint8Array, validity: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array((length + 7) >> 3);
  let v = 0;
  for (let i = 0; i < length; i++) {
    if ((validity[i >> 3]! & (1 << (i & 7))) === 0) continue;
    if ((dense[v >> 3]! & (1 << (v & 7))) !== 0) out[i >> 3]! |= 1 << (i & 7);
    v++;
  }
  return out;
}

function spreadFixed(dense: Uint8Array, validity: Uint8Array, length: number, width: number): Uint8Array {
  const out = new Uint8Array(length * width);
  if (width === 4 || width === 8) {
    // Whole elements as 32-bit words: one or two word copies per value.
    const words = width >> 2;
    const bytes = aligned(dense);
    const src = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
    const dst = new Int32Array(out.buffer);
    let v = 0;
    for (let i = 0; i < length; i++) {
      if ((validity[i >> 3]! & (1 << (i & 7))) === 0) continue;
      dst[i * words] = src[v * words]!;
      if (words === 2) dst[i * 2 + 1] = src[v * 2 + 1]!;
      v++;
    }
    return out;
  }
  let v = 0;
  for (let i = 0; i < length; i++) {
    if ((validity[i >> 3]! & (1 << (i & 7))) === 0) continue;
    for (let b = 0; b < width; b++) out[i * width + b] = dense[v * width + b]!;
    v++;
  }
  return out;
}
