import { type Data, type DataType, makeData, type Utf8View } from "apache-arrow";
import { offsetsView } from "./offsets.js";
import { gatheredData, type gatherPlan } from "./take-support.js";

type Plan = ReturnType<typeof gatherPlan>;

/**
 * Gathers a fixed-width column (ints, floats, decimals, temporal, fixed-size binary) by copying each
 * element's bytes through the widest aligned word view — never materialising a BigInt.
 *
 * @example
 * const d = takeFixed(chunks, type, indices, gatherPlan(chunks, indices));
 */
export function takeFixed(chunks: readonly Data[], type: DataType, indices: Int32Array, plan: Plan): Data {
  const n = indices.length;
  const sample = chunks[0]?.values as ArrayBufferView & { BYTES_PER_ELEMENT: number };
  const Ctor = (type as DataType & { ArrayType: new (n: number) => ArrayBufferView }).ArrayType;
  const stride = chunks[0]?.stride ?? 1;
  const bytesPer = (sample?.BYTES_PER_ELEMENT ?? 1) * stride;
  const aligned = (unit: number) =>
    chunks.every((d) => (d.values as ArrayBufferView).byteOffset % unit === 0);
  const unit = bytesPer % 4 === 0 && aligned(4) ? 4 : bytesPer % 2 === 0 && aligned(2) ? 2 : 1;
  const per = bytesPer / unit;
  const View = unit === 4 ? Int32Array : unit === 2 ? Uint16Array : Uint8Array;
  const out = new Ctor(n * (bytesPer / (sample?.BYTES_PER_ELEMENT ?? 1))) as ArrayBufferView;
  const dst = new View(out.buffer as ArrayBuffer, out.byteOffset, n * per);
  const srcs = chunks.map((d) => {
    const v = d.values as ArrayBufferView;
    return new View(v.buffer as ArrayBuffer, v.byteOffset, Math.floor(v.byteLength / unit));
  });
  for (let r = 0; r < n; r++) {
    const c = plan.chunkOf[r]!;
    if (c === -1) continue;
    const src = srcs[c]!;
    const from = plan.localOf[r]! * per;
    for (let k = 0; k < per; k++) dst[r * per + k] = src[from + k]!;
  }
  return gatheredData(type, n, plan, { values: out });
}

/**
 * Gathers a Bool column (bit-packed values; a chunk's bits start at its `offset`).
 *
 * @example
 * const d = takeBool(chunks, new Bool(), indices, gatherPlan(chunks, indices));
 */
export function takeBool(chunks: readonly Data[], type: DataType, indices: Int32Array, plan: Plan): Data {
  const n = indices.length;
  const out = new Uint8Array((n + 7) >> 3);
  for (let r = 0; r < n; r++) {
    const c = plan.chunkOf[r]!;
    if (c === -1) continue;
    const d = chunks[c]!;
    const bit = d.offset + plan.localOf[r]!;
    if ((d.values[bit >> 3]! >> (bit & 7)) & 1) out[r >> 3]! |= 1 << (r & 7);
  }
  return gatheredData(type, n, plan, { values: out });
}

/**
 * Gathers Utf8 / Binary (int32 offsets) and LargeUtf8 / LargeBinary (int64 offsets), same type out.
 *
 * @example
 * const d = takeBytes(chunks, new Utf8(), indices, gatherPlan(chunks, indices));
 */
export function takeBytes(chunks: readonly Data[], type: DataType, indices: Int32Array, plan: Plan): Data {
  const n = indices.length;
  const views = chunks.map((d) => offsetsView(d.valueOffsets as Int32Array | BigInt64Array, d.length));
  let total = 0;
  for (let r = 0; r < n; r++) {
    const c = plan.chunkOf[r]!;
    if (c === -1) continue;
    const { offs, step } = views[c]!;
    const l = plan.localOf[r]!;
    total += offs[(l + 1) * step]! - offs[l * step]!;
  }
  const large = chunks[0]?.valueOffsets instanceof BigInt64Array;
  const offsets64 = large ? new BigInt64Array(n + 1) : null;
  const offsets = offsets64 !== null ? new Int32Array(offsets64.buffer) : new Int32Array(n + 1);
  const step = large ? 2 : 1;
  const bytes = new Uint8Array(total);
  let pos = 0;
  for (let r = 0; r < n; r++) {
    const c = plan.chunkOf[r]!;
    if (c !== -1) {
      const { offs, step: s } = views[c]!;
      const l = plan.localOf[r]!;
      const start = offs[l * s]!;
      const end = offs[(l + 1) * s]!;
      const src = chunks[c]!.values as Uint8Array;
      if (end - start < 48) for (let k = start; k < end; k++) bytes[pos++] = src[k]!;
      else {
        bytes.set(src.subarray(start, end), pos);
        pos += end - start;
      }
    }
    offsets[(r + 1) * step] = pos;
  }
  return gatheredData(type, n, plan, { offsets: offsets64 ?? offsets, values: bytes });
}

/**
 * Gathers Utf8View / BinaryView: copies the 16-byte views and keeps the data buffers, renumbering
 * buffer indices when several chunks are merged.
 *
 * @example
 * const d = takeViews(chunks, new Utf8View(), indices, gatherPlan(chunks, indices));
 */
export function takeViews(chunks: readonly Data[], type: DataType, indices: Int32Array, plan: Plan): Data {
  const n = indices.length;
  const out = new Uint8Array(16 * n);
  const dv = new DataView(out.buffer);
  const buffers: Uint8Array[] = [];
  const bufferBase = chunks.map((d) => {
    const base = buffers.length;
    buffers.push(...(d.variadicBuffers as Uint8Array[]));
    return base;
  });
  for (let r = 0; r < n; r++) {
    const c = plan.chunkOf[r]!;
    if (c === -1) continue;
    const src = chunks[c]!.values as Uint8Array;
    const from = 16 * plan.localOf[r]!;
    for (let k = 0; k < 16; k++) out[16 * r + k] = src[from + k]!;
    if (dv.getInt32(16 * r, true) > 12) {
      dv.setInt32(16 * r + 8, dv.getInt32(16 * r + 8, true) + bufferBase[c]!, true);
    }
  }
  return makeData({
    type: type as Utf8View,
    length: n,
    nullCount: plan.nullCount,
    nullBitmap: plan.bitmap,
    views: out,
    variadicBuffers: buffers,
  });
}
