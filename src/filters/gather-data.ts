import { type Data, type DataType, makeBuilder, makeData, makeVector, Type } from "apache-arrow";

type Props = Parameters<typeof makeData>[0];
type Ctor = new (
  n: number,
) => { [i: number]: number | bigint; set(a: ArrayLike<number | bigint>, at: number): void };

function gatherValidity(data: Data, indices: Int32Array): { nullBitmap?: Uint8Array; nullCount: number } {
  const bitmap = data.nullBitmap;
  if (data.nullCount === 0 || bitmap === undefined || bitmap.length === 0) return { nullCount: 0 };
  const out = new Uint8Array(((indices.length + 63) & ~63) >> 3);
  let nulls = 0;
  for (let k = 0; k < indices.length; k++) {
    const bit = data.offset + indices[k]!;
    if ((bitmap[bit >> 3]! & (1 << (bit & 7))) !== 0) out[k >> 3]! |= 1 << (k & 7);
    else nulls++;
  }
  return { nullBitmap: out, nullCount: nulls };
}

function fixedWidth(data: Data, indices: Int32Array): ArrayLike<number | bigint> {
  const values = data.values as unknown as ArrayLike<number | bigint> & { constructor: Ctor };
  const stride = data.stride;
  const out = new values.constructor(indices.length * stride);
  for (let k = 0; k < indices.length; k++) {
    const src = indices[k]! * stride;
    for (let s = 0; s < stride; s++) out[k * stride + s] = values[src + s]!;
  }
  return out as unknown as ArrayLike<number | bigint>;
}

function bits(data: Data, indices: Int32Array): Uint8Array {
  const values = data.values as Uint8Array;
  const out = new Uint8Array(((indices.length + 63) & ~63) >> 3);
  for (let k = 0; k < indices.length; k++) {
    const bit = data.offset + indices[k]!;
    if ((values[bit >> 3]! & (1 << (bit & 7))) !== 0) out[k >> 3]! |= 1 << (k & 7);
  }
  return out;
}

/** Variable-width rows: new offsets (same width as the source) and the selected value ranges. */
function ranges(data: Data, indices: Int32Array) {
  const src = data.valueOffsets as Int32Array | BigInt64Array;
  const large = src instanceof BigInt64Array;
  const offsets = large ? new BigInt64Array(indices.length + 1) : new Int32Array(indices.length + 1);
  const starts = new Float64Array(indices.length);
  let total = 0;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    const start = Number(src[i]!);
    starts[k] = start;
    total += Number(src[i + 1]!) - start;
    offsets[k + 1] = large ? BigInt(total) : total;
  }
  const at = (k: number) => Number(offsets[k]!);
  return { offsets, starts, total, at };
}

function viaBuilder(data: Data, indices: Int32Array): Data {
  const vector = makeVector(data);
  const builder = makeBuilder({ type: data.type, nullValues: [null, undefined] });
  for (const i of indices) builder.append(vector.get(i));
  return builder.finish().flush();
}

/**
 * Rows `indices` of one chunk as a new chunk of the same type (zero-based, no offset). Nested types
 * are gathered recursively; dictionary chunks keep their dictionary; view types keep their buffers.
 *
 * @example
 * gatherData(batch.data.children[0], Int32Array.of(0, 2));
 */
export function gatherData(data: Data, indices: Int32Array): Data {
  const type: DataType = data.type;
  const length = indices.length;
  const base = { type, length, ...gatherValidity(data, indices) };
  switch (data.typeId) {
    case Type.Null:
      return makeData({ type, length } as Props);
    case Type.Bool:
      return makeData({ ...base, data: bits(data, indices) } as Props);
    case Type.Int:
    case Type.Float:
    case Type.Date:
    case Type.Time:
    case Type.Timestamp:
    case Type.Duration:
    case Type.Interval:
    case Type.Decimal:
    case Type.FixedSizeBinary:
      return makeData({ ...base, data: fixedWidth(data, indices) } as Props);
    case Type.Dictionary:
      return makeData({ ...base, data: fixedWidth(data, indices), dictionary: data.dictionary } as Props);
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Binary:
    case Type.LargeBinary: {
      const r = ranges(data, indices);
      const values = new Uint8Array(r.total);
      const src = data.values as Uint8Array;
      for (let k = 0; k < length; k++)
        values.set(src.subarray(r.starts[k]!, r.starts[k]! + r.at(k + 1) - r.at(k)), r.at(k));
      return makeData({ ...base, valueOffsets: r.offsets, data: values } as Props);
    }
    case Type.Utf8View:
    case Type.BinaryView:
      return makeData({
        ...base,
        views: fixedWidth(data, indices),
        variadicBuffers: data.variadicBuffers,
      } as Props);
    case Type.Struct:
      return makeData({ ...base, children: data.children.map((c) => gatherData(c, indices)) } as Props);
    case Type.List:
    case Type.LargeList:
    case Type.Map: {
      const r = ranges(data, indices);
      const childRows = new Int32Array(r.total);
      for (let k = 0; k < length; k++) {
        for (let j = r.at(k); j < r.at(k + 1); j++) childRows[j] = r.starts[k]! + j - r.at(k);
      }
      return makeData({
        ...base,
        valueOffsets: r.offsets,
        child: gatherData(data.children[0]!, childRows),
      } as Props);
    }
    case Type.FixedSizeList: {
      const size = data.stride;
      const childRows = new Int32Array(length * size);
      for (let k = 0; k < length; k++)
        for (let s = 0; s < size; s++) childRows[k * size + s] = indices[k]! * size + s;
      return makeData({ ...base, child: gatherData(data.children[0]!, childRows) } as Props);
    }
    default:
      return viaBuilder(data, indices);
  }
}
