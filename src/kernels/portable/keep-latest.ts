import { KernelError } from "../../errors.js";
import type { Column } from "../kernels.js";
import { flatInts, isIntegerColumn } from "./columns.js";
import { compareRows } from "./compare.js";
import { groupIds } from "./group-ids.js";
import { keyColumns } from "./key-columns.js";

/**
 * Portable `Kernels.keepLatest`: per key tuple (null is a value) the row with the greatest
 * `orderBy` (nulls lowest; ties to the later row), returned as ascending row indices.
 *
 * @example
 * const rows = keepLatest([t.getChild("sample_uid")!], t.getChild(METAXY_UPDATED_AT)!);
 */
export function keepLatest(keys: readonly Column[], orderBy: Column): Int32Array {
  if (!isIntegerColumn(orderBy)) {
    throw new KernelError(
      `kernels: keepLatest orderBy must be an integer or timestamp column, got ${orderBy.type}`,
    );
  }
  const order = flatInts(orderBy);
  const { keys: flat, length } = keyColumns(keys, "keepLatest key", order.length);
  const { ids, count } = groupIds(flat, length);
  const best = new Int32Array(count).fill(-1);
  for (let i = 0; i < length; i++) {
    const g = ids[i]!;
    const b = best[g]!;
    if (b === -1 || compareRows(order, i, b) >= 0) best[g] = i;
  }
  const keep = new Uint8Array(length);
  for (let g = 0; g < count; g++) keep[best[g]!] = 1;
  const out = new Int32Array(count);
  let n = 0;
  for (let i = 0; i < length; i++) if (keep[i] === 1) out[n++] = i;
  return out;
}
