import {
  type Data,
  type Field,
  type Schema,
  type Table,
  type Timestamp,
  Type,
  tableFromIPC,
} from "apache-arrow";
import { ParquetFile } from "parquet-wasm";
import { DeltaProtocolError } from "../../errors.js";
import type { ParquetDecoder } from "../../kernels/parquet-decoder.js";
import { tableFromColumns } from "./batches.js";
import { type ByteSource, blobOf } from "./byte-source.js";
import { castData } from "./cast.js";
import { findColumn } from "./find-column.js";
import { int96Columns, readInt96Column } from "./int96.js";
import { readNativeFile } from "./native-parquet/read-native-file.js";
import { nullData } from "./null-data.js";
import { partitionData } from "./partition-values.js";

/** What to produce from one data file. */
export interface FileReadPlan {
  /** Output columns, typed as the table reads them (projected, in output order). */
  readonly schema: Schema;
  /** Partition columns among the output columns. */
  readonly partitionColumns: ReadonlySet<string>;
}

/** Rows per record batch asked of parquet-wasm (its default of 1024 makes thousands of chunks). */
export const READ_BATCH_SIZE = 1 << 20;

/**
 * Reads one data file into a table of exactly `plan.schema`: only the wanted columns are decoded
 * (parquet-wasm `ParquetFile` with projection, Arrow IPC into apache-arrow without copying), each
 * cast to its table type, columns the file lacks null-filled, partition columns filled from
 * `partitionValues`, and Spark INT96 timestamps decoded exactly. With a `decoder` (the native
 * kernels' Parquet decoder) files it can take are decoded by it instead, to the same table.
 *
 * @example
 * const t = await readDataFile(source, { schema, partitionColumns: new Set() }, add.partitionValues);
 */
export async function readDataFile(
  source: ByteSource,
  plan: FileReadPlan,
  partitionValues: Readonly<Record<string, string | null>>,
  decoder: ParquetDecoder | null = null,
): Promise<Table> {
  if (decoder !== null) {
    const table = await readNativeFile(source, plan, partitionValues, decoder);
    if (table !== null) return table;
  }
  let file: ParquetFile;
  try {
    file = await ParquetFile.fromFile(blobOf(source) as unknown as Blob);
  } catch (cause) {
    throw new DeltaProtocolError(`delta: ${source.key} is not a readable Parquet file: ${String(cause)}`, {
      cause,
    });
  }
  try {
    const fileSchema = tableFromIPC(file.schema().intoIPCStream()).schema;
    const fileNames = fileSchema.fields.map((f) => f.name);
    const physical = new Map<string, string>();
    for (const field of plan.schema.fields) {
      if (plan.partitionColumns.has(field.name)) continue;
      const name = findColumn(fileNames, field.name);
      if (name !== null) physical.set(field.name, name);
    }
    const wanted = [...new Set(physical.values())];
    let raw: Table | null = null;
    if (wanted.length > 0) {
      const wasm = await file.read({ columns: wanted, batchSize: READ_BATCH_SIZE });
      raw = tableFromIPC(wasm.intoIPCStream());
    }
    const lengths =
      raw !== null ? raw.batches.map((b) => b.numRows) : [file.metadata().fileMetadata().numRows()];
    const int96 = new Set(wanted.length > 0 ? await int96Columns(source, fileSchema) : []);
    const columns: Data[][] = [];
    for (const field of plan.schema.fields) {
      columns.push(
        await columnChunks(
          source,
          field,
          raw,
          physical.get(field.name),
          int96,
          lengths,
          plan,
          partitionValues,
        ),
      );
    }
    return tableFromColumns(plan.schema, columns, lengths);
  } finally {
    file.free();
  }
}

async function columnChunks(
  source: ByteSource,
  field: Field,
  raw: Table | null,
  name: string | undefined,
  int96: ReadonlySet<string>,
  lengths: readonly number[],
  plan: FileReadPlan,
  partitionValues: Readonly<Record<string, string | null>>,
): Promise<Data[]> {
  if (plan.partitionColumns.has(field.name)) {
    const value = partitionValues[field.name];
    return lengths.map((n) => partitionData(field.type, field.name, value, n));
  }
  if (name === undefined || raw === null) return lengths.map((n) => nullData(field.type, n));
  if (int96.has(name)) {
    if (field.type.typeId !== Type.Timestamp) {
      throw new DeltaProtocolError(
        `delta: ${source.key} stores INT96 in column "${field.name}" of type ${field.type}`,
      );
    }
    return readInt96Column(source, name, lengths, (field.type as Timestamp).timezone ?? null);
  }
  const column = raw.getChild(name)!;
  return column.data.map((chunk) => castData(chunk, field.type, field.name));
}
