import { type Data, Int64, type Table, Type, Vector } from "apache-arrow";
import { assembleTable } from "../arrow/assemble-table.js";
import { validityOf } from "../arrow/bitmap.js";
import { makeChunk } from "../arrow/chunk.js";
import { takeColumn } from "../arrow/take-column.js";
import type { Kernels } from "../kernels/kernels.js";
import { tableColumn } from "./table-column.js";

/**
 * Expansion (1:N) lineage at comparison time (metaxy-versioning §3.7): stored child rows collapsed
 * to one row per parent (`on` columns), every other column taking a non-null value of its group
 * (Python `any_value(ignore_nulls=True)`; we take the first non-null in row order, so the choice is
 * deterministic). Groups come in order of first appearance; rows with null keys form groups of
 * their own (they can never match), taking their group's first row. Returns `current` itself when
 * no two rows share a parent.
 *
 * @example
 * const parents = collapseExpansion(storedChildren, ["video_id"], getKernels());
 */
export function collapseExpansion(current: Table, on: readonly string[], kernels: Kernels): Table {
  const n = current.numRows;
  const keys = on.map((c) => tableColumn(current, c, "versioning: stored rows"));
  // keepLatest keeps the greatest order value; -i makes that each group's first row.
  const order = new BigInt64Array(n);
  for (let i = 0; i < n; i++) order[i] = BigInt(-i);
  const reps = kernels.keepLatest(keys, new Vector([makeChunk(new Int64(), n, 0, { values: order })]));
  if (reps.length === n) return current;

  let groupOf: Int32Array | null = null;
  const groups = (): Int32Array => {
    if (groupOf === null) {
      // Each row with non-null keys matches exactly its group's first row.
      const repKeys = keys.map((k) => takeColumn(k, reps, kernels.take));
      const pairs = kernels.join(keys, repKeys, "inner");
      groupOf = new Int32Array(n).fill(-1);
      for (let p = 0; p < pairs.left.length; p++) groupOf[pairs.left[p]!] = pairs.right[p]!;
    }
    return groupOf;
  };

  const vectors = current.schema.fields.map((field, k) => {
    const column = current.getChildAt(k)!;
    const picks =
      on.includes(field.name) || column.nullCount === 0 ? reps : firstNonNull(column, reps, groups);
    return takeColumn(column, picks, kernels.take);
  });
  return assembleTable(current.schema.fields, vectors, reps.length, current.schema.metadata);
}

/** Per group, its first row (in row order) where `column` is not null, else the group's first row. */
function firstNonNull(column: Vector, reps: Int32Array, groups: () => Int32Array): Int32Array {
  if (column.type.typeId === Type.Null) return reps;
  const valid = validRows(column.data);
  const picks = reps.slice();
  if (reps.every((r) => valid[r] === 1)) return picks;
  const groupOf = groups();
  const done = new Uint8Array(reps.length);
  for (let g = 0; g < reps.length; g++) done[g] = valid[reps[g]!]!;
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i]!;
    if (g >= 0 && done[g] === 0 && valid[i] === 1) {
      picks[g] = i;
      done[g] = 1;
    }
  }
  return picks;
}

function validRows(chunks: readonly Data[]): Uint8Array {
  const total = chunks.reduce((t, d) => t + d.length, 0);
  const out = new Uint8Array(total).fill(1);
  let base = 0;
  for (const d of chunks) {
    const bits = validityOf(d);
    if (bits !== null) {
      for (let i = 0; i < d.length; i++) {
        const bit = d.offset + i;
        if ((bits[bit >> 3]! & (1 << (bit & 7))) === 0) out[base + i] = 0;
      }
    }
    base += d.length;
  }
  return out;
}
