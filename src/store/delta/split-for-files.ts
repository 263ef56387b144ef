import type { Data, Table } from "apache-arrow";

/**
 * Arrow bytes one data file is encoded from at most. parquet-wasm encodes a whole file inside its
 * 4 GiB wasm memory (the Arrow IPC input, the column writers and the output at once), so a 10M-row
 * table with several Map columns cannot go into one file; 256 MiB leaves ample room.
 */
export const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;

/**
 * The rows of `table` cut into consecutive slices of about equal size, each holding at most
 * `maxBytes` of Arrow buffers (by the table's average row size): one data file per slice. A table
 * within the limit comes back whole.
 *
 * @example
 * splitForFiles(tenMillionRows, 256 * 1024 * 1024).length; // e.g. 7
 */
export function splitForFiles(table: Table, maxBytes = DEFAULT_MAX_FILE_BYTES): Table[] {
  const bytes = table.data.reduce((n, d) => n + dataBytes(d), 0);
  const parts = Math.min(table.numRows, Math.ceil(bytes / maxBytes));
  if (parts <= 1) return [table];
  const rows = Math.ceil(table.numRows / parts);
  const out: Table[] = [];
  for (let start = 0; start < table.numRows; start += rows) {
    out.push(table.slice(start, Math.min(table.numRows, start + rows)));
  }
  return out;
}

/** Buffer bytes of a chunk and its children (shared buffers counted once per use: an estimate). */
function dataBytes(data: Data): number {
  let n =
    (data.values?.byteLength ?? 0) +
    (data.valueOffsets?.byteLength ?? 0) +
    (data.nullBitmap?.byteLength ?? 0);
  for (const child of data.children) n += dataBytes(child);
  return n;
}
