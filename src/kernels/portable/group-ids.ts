import type { FlatColumn } from "./columns.js";
import { tableSize } from "./key-columns.js";
import { hashKeyRows, rowEquality } from "./key-hash.js";

/**
 * Dense group id per row (0, 1, … in order of first appearance) for rows sharing every key value;
 * null is a key value of its own. No key columns puts every row in group 0.
 *
 * @example
 * const { ids, count } = groupIds([flatColumn(ids, "group key")], ids.length);
 */
export function groupIds(keys: readonly FlatColumn[], length: number): { ids: Int32Array; count: number } {
  const ids = new Int32Array(length);
  if (keys.length === 0) return { ids, count: length > 0 ? 1 : 0 };
  const hashes = hashKeyRows(keys, length);
  const eq = rowEquality(keys, keys);
  const mask = tableSize(length) - 1;
  // Each slot holds the first row of its group.
  const slots = new Int32Array(mask + 1).fill(-1);
  let count = 0;
  for (let i = 0; i < length; i++) {
    const h = hashes[i]!;
    let p = h & mask;
    for (;;) {
      const head = slots[p]!;
      if (head === -1) {
        slots[p] = i;
        ids[i] = count++;
        break;
      }
      if (hashes[head] === h && eq(i, head)) {
        ids[i] = ids[head]!;
        break;
      }
      p = (p + 1) & mask;
    }
  }
  return { ids, count };
}
