import {
  type Data,
  type DataType,
  type Dictionary,
  type FixedSizeList,
  makeBuilder,
  makeData,
  makeVector,
  Type,
  type Vector,
} from "apache-arrow";
import { chunksOf } from "../../arrow/strings.js";
import { KernelError } from "../../errors.js";
import type { Column } from "../kernels.js";
import { takeBool, takeBytes, takeFixed, takeViews } from "./take-flat.js";
import { sharedDictionary, takeFixedList, takeList, takeStruct } from "./take-nested.js";
import { gatheredData, gatherPlan } from "./take-support.js";

/** Types stored as one fixed-width value per row in `values`. */
const FIXED: ReadonlySet<Type> = new Set([
  Type.Int,
  Type.Float,
  Type.Decimal,
  Type.Date,
  Type.Time,
  Type.Timestamp,
  Type.Interval,
  Type.Duration,
  Type.FixedSizeBinary,
]);

/**
 * Portable `Kernels.take`: gathers rows by index into a single-chunk column of the same type;
 * `-1` gives null. Fixed-width, Bool, string/binary (all layouts), Struct, List/LargeList/Map,
 * FixedSizeList and Dictionary are gathered over raw buffers; other types go through Arrow builders.
 *
 * @example
 * const picked = take(table.getChild("value")!, Int32Array.of(2, -1, 0));
 */
export function take(column: Column, indices: Int32Array): Vector {
  const n = column.length;
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r]!;
    if (i < -1 || i >= n)
      throw new KernelError(`kernels: take index ${i} at position ${r} is out of range for ${n} rows`);
  }
  return makeVector(takeChunks(chunksOf(column), column.type, indices));
}

function takeChunks(chunks: readonly Data[], type: DataType, indices: Int32Array): Data {
  if (type.typeId === Type.Null) return makeData({ type, length: indices.length });
  const plan = gatherPlan(chunks, indices);
  switch (type.typeId) {
    case Type.Bool:
      return takeBool(chunks, type, indices, plan);
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Binary:
    case Type.LargeBinary:
      return takeBytes(chunks, type, indices, plan);
    case Type.Utf8View:
    case Type.BinaryView:
      return takeViews(chunks, type, indices, plan);
    case Type.Struct:
      return takeStruct(chunks, type, indices, plan, takeChunks);
    case Type.List:
    case Type.LargeList:
    case Type.Map:
      return takeList(chunks, type, indices, plan, takeChunks);
    case Type.FixedSizeList:
      return takeFixedList(chunks, type as FixedSizeList, indices, plan, takeChunks);
    case Type.Dictionary: {
      const dictionary = sharedDictionary(chunks);
      if (dictionary === null) break;
      const keys = takeFixed(chunks, (type as Dictionary).indices, indices, plan);
      return gatheredData(type, indices.length, plan, { values: keys.values }, [], dictionary);
    }
    default:
      if (FIXED.has(type.typeId)) return takeFixed(chunks, type, indices, plan);
  }
  return takeWithBuilder(chunks, type, indices, plan);
}

/** Fallback for types without a buffer-level gather (unions, dictionaries that differ per chunk…). */
function takeWithBuilder(
  chunks: readonly Data[],
  type: DataType,
  indices: Int32Array,
  plan: ReturnType<typeof gatherPlan>,
): Data {
  const vectors = chunks.map((d) => makeVector(d));
  const builder = makeBuilder({ type, nullValues: [null, undefined] });
  for (let r = 0; r < indices.length; r++) {
    const c = plan.chunkOf[r]!;
    builder.append(c === -1 ? null : vectors[c]!.get(plan.localOf[r]!));
  }
  const out = builder.finish().toVector();
  if (out.data.length !== 1)
    throw new KernelError(`kernels: take of ${type} produced ${out.data.length} chunks`);
  return out.data[0]!;
}
