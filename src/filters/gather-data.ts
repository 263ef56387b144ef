import { type Data, type DataType, makeBuilder, makeData, makeVector, Type } from "apache-arrow";

type Props = Parameters<typeof makeData>[0];
type Ctor = new (buffer: ArrayBuffer, byteOffset: number, length: number) => ArrayBufferView;

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

/** Copies `width` bytes per row through an integer view of that width (never through floats, which could rewrite NaN payloads). */
function copyRows(src: ArrayBufferView, width: number, indices: Int32Array): Uint8Array {
  const n = indices.length;
  const bytes = new Uint8Array(src.buffer, src.byteOffset, src.byteLength);
  const out = new Uint8Array(n * width);
  if (width % 4 === 0 && src.byteOffset % 4 === 0) {
    const words = width >> 2;
    const from = new Int32Array(src.buffer, src.byteOffset, src.byteLength >> 2);
    const to = new Int32Array(out.buffer);
    if (words === 1) for (let k = 0; k < n; k++) to[k] = from[indices[k]!]!;
    else if (words === 2) {
      for (let k = 0; k < n; k++) {
        const i = indices[k]! << 1;
        to[2 * k] = from[i]!;
        to[2 * k + 1] = from[i + 1]!;
      }
    } else
      for (let k = 0; k < n; k++)
        to.set(from.subarray(indices[k]! * words, (indices[k]! + 1) * words), k * words);
  } else if (width === 1) {
    for (let k = 0; k < n; k++) out[k] = bytes[indices[k]!]!;
  } else {
    for (let k = 0; k < n; k++)
      out.set(bytes.subarray(indices[k]! * width, (indices[k]! + 1) * width), k * width);
  }
  return out;
}

/** Fixed-width values of the selected rows, in a typed array of the source's kind. */
function fixedWidth(data: Data, indices: Int32Array): ArrayBufferView {
  const values = data.values as unknown as ArrayBufferView & { BYTES_PER_ELEMENT: number; constructor: Ctor };
  const width = data.stride * values.BYTES_PER_ELEMENT;
  const bytes = copyRows(values, width, indices);
  return new values.constructor(
    bytes.buffer as ArrayBuffer,
    0,
    (indices.length * width) / values.BYTES_PER_ELEMENT,
  );
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

/** Variable-width rows: new offsets (same width as the source) and each selected row's start. */
function ranges(data: Data, indices: Int32Array) {
  const src = data.valueOffsets as Int32Array | BigInt64Array;
  const n = indices.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n + 1);
  let total = 0;
  if (src instanceof BigInt64Array) {
    for (let k = 0; k < n; k++) {
      const i = indices[k]!;
      starts[k] = Number(src[i]!);
      total += Number(src[i + 1]!) - starts[k]!;
      ends[k + 1] = total;
    }
  } else {
    for (let k = 0; k < n; k++) {
      const i = indices[k]!;
      starts[k] = src[i]!;
      total += src[i + 1]! - src[i]!;
      ends[k + 1] = total;
    }
  }
  const offsets = src instanceof BigInt64Array ? BigInt64Array.from(ends, BigInt) : Int32Array.from(ends);
  return { offsets, starts, ends, total };
}

function copyRanges(src: Uint8Array, r: ReturnType<typeof ranges>): Uint8Array {
  const out = new Uint8Array(r.total);
  for (let k = 0; k < r.starts.length; k++) {
    const from = r.starts[k]!;
    const at = r.ends[k]!;
    const len = r.ends[k + 1]! - at;
    // Short values (ids, hashes) copy faster byte by byte than through a subarray view.
    if (len <= 32) for (let j = 0; j < len; j++) out[at + j] = src[from + j]!;
    else out.set(src.subarray(from, from + len), at);
  }
  return out;
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
      return makeData({
        ...base,
        valueOffsets: r.offsets,
        data: copyRanges(data.values as Uint8Array, r),
      } as Props);
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
        for (let j = r.ends[k]!; j < r.ends[k + 1]!; j++) childRows[j] = r.starts[k]! + j - r.ends[k]!;
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
