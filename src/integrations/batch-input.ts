import { RecordBatch, Table } from "apache-arrow";
import { type ArrowInput, toArrowTable } from "../arrow/to-arrow-table.js";

/**
 * What the batch integrations accept as one frame: anything `store.write` takes, or a single Arrow
 * `RecordBatch` (what {@link readBatches} yields and Arrow IPC streams carry).
 *
 * @example
 * const frame: BatchInput = [{ video_id: 1, metaxy_provenance_by_field: { default: "h1" } }];
 */
export type BatchInput = ArrowInput | RecordBatch;

/**
 * The frame as an Arrow table (a record batch becomes a one-batch table without copying).
 *
 * @example
 * const table = await batchInputTable(batch);
 */
export async function batchInputTable(input: BatchInput): Promise<Table> {
  if (input instanceof RecordBatch) return toArrowTable(new Table(input));
  return toArrowTable(input);
}

/**
 * Row count of a frame without converting it, so a frame that fails to convert or write can still be
 * counted as failed. Unknown shapes count 0.
 *
 * @example
 * batchInputRows([{ a: 1 }, { a: 2 }]); // 2
 */
export function batchInputRows(input: unknown): number {
  if (Array.isArray(input)) return input.length;
  if (typeof input !== "object" || input === null) return 0;
  const numRows = (input as { numRows?: unknown }).numRows;
  if (typeof numRows === "number") return numRows; // Arrow Table and RecordBatch
  if (typeof numRows === "function") return Number((numRows as () => unknown).call(input)) || 0; // arquero
  return 0;
}
