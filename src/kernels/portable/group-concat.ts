import type { Utf8, Vector } from "apache-arrow";
import { isStringColumn, utf8FromBuffers } from "../../arrow/strings.js";
import { KernelError } from "../../errors.js";
import type { Column } from "../kernels.js";
import { flatStrings } from "./columns.js";
import { compareRows } from "./compare.js";
import { copyBytes } from "./copy-bytes.js";
import { groupIds } from "./group-ids.js";
import { keyColumns } from "./key-columns.js";

const encoder = new TextEncoder();

/**
 * Portable `Kernels.groupConcat`: every row gets its group's non-null values, ordered by the typed
 * order keys (nulls first, ties by row position) and joined with `separator`.
 *
 * @example
 * const lineage = groupConcat([t.getChild("parent")!], [t.getChild("child")!], t.getChild("dv")!, "|");
 */
export function groupConcat(
  groupKeys: readonly Column[],
  orderKeys: readonly Column[],
  values: Column,
  separator: string,
): Vector<Utf8> {
  if (!isStringColumn(values)) {
    throw new KernelError(`kernels: groupConcat values must be a string column, got ${values.type}`);
  }
  const vals = flatStrings(values);
  const n = vals.length;
  const groups = keyColumns(groupKeys, "groupConcat group key", n).keys;
  const order = keyColumns(orderKeys, "groupConcat order key", n).keys;
  const { ids, count } = groupIds(groups, n);

  // Rows grouped together (counting sort keeps row order), then ordered inside each group.
  const starts = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) starts[ids[i]! + 1]!++;
  for (let g = 0; g < count; g++) starts[g + 1]! += starts[g]!;
  const cursor = starts.slice(0, count);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[cursor[ids[i]!]!++] = i;
  if (order.length > 0) {
    const byOrder = (a: number, b: number): number => {
      for (const col of order) {
        const c = compareRows(col, a, b);
        if (c !== 0) return c;
      }
      return a - b;
    };
    for (let g = 0; g < count; g++) {
      if (starts[g + 1]! - starts[g]! > 1) perm.subarray(starts[g]!, starts[g + 1]!).sort(byOrder);
    }
  }

  // Each group's joined text, built once.
  const sep = encoder.encode(separator);
  const { offsets, values: bytes, valid } = vals;
  const groupStart = new Int32Array(count + 1);
  for (let g = 0; g < count; g++) {
    let len = 0;
    let parts = 0;
    for (let p = starts[g]!; p < starts[g + 1]!; p++) {
      const r = perm[p]!;
      if (valid !== null && valid[r] === 0) continue;
      len += offsets[r + 1]! - offsets[r]!;
      parts++;
    }
    groupStart[g + 1] = groupStart[g]! + len + (parts > 1 ? (parts - 1) * sep.length : 0);
  }
  const groupText = new Uint8Array(groupStart[count]!);
  for (let g = 0; g < count; g++) {
    let pos = groupStart[g]!;
    let first = true;
    for (let p = starts[g]!; p < starts[g + 1]!; p++) {
      const r = perm[p]!;
      if (valid !== null && valid[r] === 0) continue;
      if (!first) pos = copyBytes(sep, 0, sep.length, groupText, pos);
      pos = copyBytes(bytes, offsets[r]!, offsets[r + 1]!, groupText, pos);
      first = false;
    }
  }

  let total = 0;
  for (let i = 0; i < n; i++) total += groupStart[ids[i]! + 1]! - groupStart[ids[i]!]!;
  if (total > 0x7fffffff) {
    throw new KernelError(
      `kernels: groupConcat output of ${total} bytes exceeds the 2 GiB a Utf8 column holds`,
    );
  }
  const outOffsets = new Int32Array(n + 1);
  const out = new Uint8Array(total);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const g = ids[i]!;
    pos = copyBytes(groupText, groupStart[g]!, groupStart[g + 1]!, out, pos);
    outOffsets[i + 1] = pos;
  }
  return utf8FromBuffers(outOffsets, out, null, 0);
}
