import { makeData, RecordBatch, Struct, Table } from "apache-arrow";
import { gatherData } from "./gather-data.js";

/** A batch whose kept rows form at most this many runs is sliced (zero-copy) rather than gathered. */
const MAX_SLICES = 8;

/**
 * The rows of `table` whose byte in `keep` is non-zero, in order. Fully kept batches are reused as
 * they are, batches with few kept runs are sliced without copying, the rest are gathered.
 *
 * @example
 * selectRows(table, Uint8Array.of(1, 0, 1));
 */
export function selectRows(table: Table, keep: Uint8Array): Table {
  const out: RecordBatch[] = [];
  let at = 0;
  for (const batch of table.batches) {
    const n = batch.numRows;
    let kept = 0;
    let runs = 0;
    for (let i = 0; i < n; i++) {
      if (keep[at + i] !== 0) {
        kept++;
        if (i === 0 || keep[at + i - 1] === 0) runs++;
      }
    }
    if (kept === n) out.push(batch);
    else if (kept > 0 && runs <= MAX_SLICES) {
      for (let i = 0; i < n; ) {
        if (keep[at + i] === 0) {
          i++;
          continue;
        }
        const start = i;
        while (i < n && keep[at + i] !== 0) i++;
        out.push(batch.slice(start, i));
      }
    } else if (kept > 0) {
      const indices = new Int32Array(kept);
      for (let i = 0, k = 0; i < n; i++) if (keep[at + i] !== 0) indices[k++] = i;
      const children = batch.data.children.map((c) => gatherData(c, indices));
      const data = makeData({ type: new Struct(table.schema.fields), length: kept, children });
      out.push(new RecordBatch(table.schema, data));
    }
    at += n;
  }
  return new Table(table.schema, out);
}
