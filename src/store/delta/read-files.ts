import { type RecordBatch, type Schema, Table } from "apache-arrow";
import { DeltaProtocolError } from "../../errors.js";
import type { ParquetDecoder } from "../../kernels/parquet-decoder.js";
import type { ObjectStore } from "../io/object-store.js";
import { emptyTable } from "./batches.js";
import { openByteSource } from "./byte-source.js";
import type { DeltaFile } from "./delta-file.js";
import { type FileReadPlan, readDataFile } from "./parquet-read.js";

/** Files read at once by default (I/O overlaps; decoding is single-threaded wasm). */
export const DEFAULT_READ_CONCURRENCY = 4;

/**
 * Reads data files into one table of `plan.schema`, batches in file order. A file carrying a
 * deletion vector is refused (its rows would otherwise be misread).
 *
 * @example
 * const table = await readFiles(store, snapshot.files, { schema, partitionColumns: new Set() });
 */
export async function readFiles(
  store: ObjectStore,
  files: readonly DeltaFile[],
  plan: FileReadPlan,
  concurrency = DEFAULT_READ_CONCURRENCY,
  decoder: ParquetDecoder | null = null,
): Promise<Table> {
  for (const file of files) {
    if (file.add.deletionVector !== undefined && file.add.deletionVector !== null) {
      throw new DeltaProtocolError(
        `delta: data file ${file.key} has a deletion vector, which is not supported`,
      );
    }
  }
  const results = new Array<Table>(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const file = files[i]!;
      const source = await openByteSource(store, file.key, file.size);
      results[i] = await readDataFile(source, plan, file.partitionValues, decoder);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, files.length)) }, worker));
  return concatTables(plan.schema, results);
}

/**
 * One table holding the batches of tables that all have `schema`.
 *
 * @example
 * concatTables(schema, [a, b]).numRows; // a.numRows + b.numRows
 */
export function concatTables(schema: Schema, tables: readonly Table[]): Table {
  const batches: RecordBatch[] = tables.flatMap((t) => t.batches.filter((b) => b.numRows > 0));
  return batches.length === 0 ? emptyTable(schema) : new Table(schema, batches);
}
