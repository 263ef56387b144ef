import type { Data, DataType, Vector } from "apache-arrow";
import { offsetsView } from "./offsets.js";
import { gatheredData, type gatherPlan } from "./take-support.js";

type Plan = ReturnType<typeof gatherPlan>;
/**
 * Recursive entry point: gathers rows of a column given as chunks.
 *
 * @example
 * const child: Data = takeChunks(chunks.map((d) => d.children[0]!), childType, childIndices);
 */
export type TakeChunks = (chunks: readonly Data[], type: DataType, indices: Int32Array) => Data;

/**
 * Gathers a Struct: each child with the same indices (children of a sliced struct are sliced too).
 *
 * @example
 * const d = takeStruct(chunks, structType, indices, gatherPlan(chunks, indices), takeChunks);
 */
export function takeStruct(
  chunks: readonly Data[],
  type: DataType,
  indices: Int32Array,
  plan: Plan,
  takeChunks: TakeChunks,
): Data {
  const childIdx = childRows(chunks, indices, plan);
  const children = (type.children ?? []).map((field, k) =>
    takeChunks(
      chunks.map((d) => d.children[k]!),
      field.type,
      childIdx,
    ),
  );
  return gatheredData(type, indices.length, plan, {}, children);
}

/** Row `local` of chunk `c` as a row of the concatenated children (-1 for null output rows). */
function childRows(chunks: readonly Data[], indices: Int32Array, plan: Plan): Int32Array {
  const base = chunkBases(chunks.map((d) => d.length));
  const out = new Int32Array(indices.length);
  for (let r = 0; r < indices.length; r++) {
    const c = plan.chunkOf[r]!;
    out[r] = c === -1 ? -1 : base[c]! + plan.localOf[r]!;
  }
  return out;
}

function chunkBases(lengths: readonly number[]): number[] {
  const base: number[] = [];
  let at = 0;
  for (const l of lengths) {
    base.push(at);
    at += l;
  }
  return base;
}

/**
 * Gathers List / LargeList / Map: new offsets, and the child gathered over the selected ranges
 * (children of offset-based types are never sliced; offsets are absolute).
 *
 * @example
 * const d = takeList(chunks, listType, indices, gatherPlan(chunks, indices), takeChunks);
 */
export function takeList(
  chunks: readonly Data[],
  type: DataType,
  indices: Int32Array,
  plan: Plan,
  takeChunks: TakeChunks,
): Data {
  const n = indices.length;
  const childChunks = chunks.map((d) => d.children[0]!);
  const childBase = chunkBases(childChunks.map((d) => d.length));
  const views = chunks.map((d) => offsetsView(d.valueOffsets as Int32Array | BigInt64Array, d.length));
  const large = chunks[0]?.valueOffsets instanceof BigInt64Array;
  const offsets64 = large ? new BigInt64Array(n + 1) : null;
  const offsets = offsets64 !== null ? new Int32Array(offsets64.buffer) : new Int32Array(n + 1);
  const step = large ? 2 : 1;
  let total = 0;
  for (let r = 0; r < n; r++) {
    const c = plan.chunkOf[r]!;
    if (c !== -1) {
      const { offs, step: s } = views[c]!;
      const l = plan.localOf[r]!;
      total += offs[(l + 1) * s]! - offs[l * s]!;
    }
    offsets[(r + 1) * step] = total;
  }
  const childIdx = new Int32Array(total);
  let pos = 0;
  for (let r = 0; r < n; r++) {
    const c = plan.chunkOf[r]!;
    if (c === -1) continue;
    const { offs, step: s } = views[c]!;
    const l = plan.localOf[r]!;
    for (let k = offs[l * s]!; k < offs[(l + 1) * s]!; k++) childIdx[pos++] = childBase[c]! + k;
  }
  const child = takeChunks(childChunks, type.children[0]!.type, childIdx);
  return gatheredData(type, n, plan, { offsets: offsets64 ?? offsets }, [child]);
}

/**
 * Gathers FixedSizeList: `listSize` consecutive child rows per row (children sliced with the list).
 *
 * @example
 * const d = takeFixedList(chunks, fslType, indices, gatherPlan(chunks, indices), takeChunks);
 */
export function takeFixedList(
  chunks: readonly Data[],
  type: DataType & { listSize: number },
  indices: Int32Array,
  plan: Plan,
  takeChunks: TakeChunks,
): Data {
  const size = type.listSize;
  const rows = childRows(chunks, indices, plan);
  const childIdx = new Int32Array(rows.length * size);
  for (let r = 0; r < rows.length; r++) {
    for (let k = 0; k < size; k++) childIdx[r * size + k] = rows[r] === -1 ? -1 : rows[r]! * size + k;
  }
  const child = takeChunks(
    chunks.map((d) => d.children[0]!),
    type.children[0]!.type,
    childIdx,
  );
  return gatheredData(type, indices.length, plan, {}, [child]);
}

/**
 * The dictionary every chunk shares, or `null` when chunks carry different dictionaries.
 *
 * @example
 * const dict = sharedDictionary(column.data); // null → gather through builders instead
 */
export function sharedDictionary(chunks: readonly Data[]): Vector | null {
  const first = chunks[0]?.dictionary;
  if (first === undefined) return null;
  return chunks.every((d) => d.dictionary === first) ? first : null;
}
