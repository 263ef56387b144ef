import type { Data, Table, Vector } from "apache-arrow";
import { assembleTable } from "./assemble-table.js";
import { isIdentity } from "./is-identity.js";
import { type TakeFn, takeColumn } from "./take-column.js";

/**
 * Gathers the rows at `indices` from every column (`-1` gives an all-null row); each column comes
 * back as one chunk — except when `indices` is exactly 0..n-1 (keep-latest found no duplicates, a
 * join matched every row in order): then the table itself is returned, no column is copied. Pass
 * `take` (e.g. `kernels.take`) to run the leaf gathers in a kernel set; the default is
 * {@link takeColumn}. Columns made of the very same chunks are gathered once and share the result.
 *
 * @example
 * const latest = takeTable(table, kernels.keepLatest([idCol], updatedAt), kernels.take);
 */
export function takeTable(table: Table, indices: Int32Array, take?: TakeFn): Table {
  if (isIdentity(indices, table.numRows)) return table;
  // A frame often holds one column twice (the provenance frame's by-field and data-version
  // columns): gather each distinct set of chunks once.
  const done = new Map<string, Vector>();
  return assembleTable(
    table.schema.fields,
    table.schema.fields.map((_, k) => {
      const column = table.getChildAt(k)!;
      const id = chunkIdentity(column);
      let out = id === null ? undefined : done.get(id);
      if (out === undefined) {
        out = takeColumn(column, indices, take);
        if (id !== null) done.set(id, out);
      }
      return out;
    }),
    indices.length,
    table.schema.metadata,
  );
}

const ids = new WeakMap<Data, number>();
let nextId = 0;

/** A key naming the exact chunk objects of a column (null when it has none). */
function chunkIdentity(column: Vector): string | null {
  if (column.data.length === 0) return null;
  return column.data
    .map((d) => {
      let id = ids.get(d);
      if (id === undefined) {
        id = nextId++;
        ids.set(d, id);
      }
      return id;
    })
    .join(",");
}
