import { KernelError } from "../../errors.js";
import type { Column } from "../kernels.js";
import { type FlatInts, flatColumn } from "./columns.js";
import { compareRows } from "./compare.js";
import { groupIds } from "./group-ids.js";
import { keyColumns } from "./key-columns.js";

/**
 * Portable `Kernels.keepLatest`: per key tuple (null is a value) the row with the greatest
 * `orderBy` (nulls lowest; ties to the later row), returned as ascending row indices.
 *
 * @example
 * const rows = keepLatest([t.getChild("id")!], t.getChild("metaxy_updated_at")!);
 */
export function keepLatest(keys: readonly Column[], orderBy: Column): Int32Array {
  const order = flatColumn(orderBy, "keepLatest orderBy");
  if (order.kind !== "int") {
    throw new KernelError(
      `kernels: keepLatest orderBy must be an integer or timestamp column, got ${orderBy.type}`,
    );
  }
  const { keys: flat, length } = keyColumns(keys, "keepLatest key", order.length);
  const { ids, count } = groupIds(flat, length);
  const best = new Int32Array(count).fill(-1);
  for (let i = 0; i < length; i++) {
    const g = ids[i]!;
    const b = best[g]!;
    if (b === -1 || compareRows(order as FlatInts, i, b) >= 0) best[g] = i;
  }
  const keep = new Uint8Array(length);
  for (let g = 0; g < count; g++) keep[best[g]!] = 1;
  const out = new Int32Array(count);
  let n = 0;
  for (let i = 0; i < length; i++) if (keep[i] === 1) out[n++] = i;
  return out;
}
