import type { RecordBatch, Table } from "apache-arrow";
import { InvalidArgumentError } from "../../errors.js";

/**
 * The table's record batches, each cut into slices of at most `batchSize` rows (zero-copy); without
 * `batchSize` the batches as they are. Small batches are not merged (pyarrow's
 * `to_batches(max_chunksize)` behaves the same); empty batches are skipped.
 *
 * @example
 * [...splitBatches(table, 1000)].map((b) => b.numRows); // [1000, 1000, 412]
 */
export function* splitBatches(table: Table, batchSize?: number): Generator<RecordBatch> {
  checkBatchSize(batchSize);
  for (const batch of table.batches) {
    const size = batchSize ?? batch.numRows;
    for (let from = 0; from < batch.numRows; from += size) {
      yield from === 0 && size >= batch.numRows
        ? batch
        : batch.slice(from, Math.min(from + size, batch.numRows));
    }
  }
}

/**
 * Throws InvalidArgumentError unless `batchSize` is undefined or a positive integer.
 *
 * @example
 * checkBatchSize(0); // throws: batches: batchSize must be a positive integer, got 0
 */
export function checkBatchSize(batchSize: number | undefined): void {
  if (batchSize !== undefined && !(Number.isSafeInteger(batchSize) && batchSize > 0)) {
    throw new InvalidArgumentError(`batches: batchSize must be a positive integer, got ${String(batchSize)}`);
  }
}
