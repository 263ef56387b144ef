import type { Table } from "apache-arrow";
import type { ObjectStore } from "../io/object-store.js";
import type { Action, AddAction } from "./actions.js";
import { arrowSchemaToDelta } from "./arrow-types.js";
import { type CommitOptions, type CommitResult, commitInfo, commitWithRetry } from "./commit.js";
import { conformForWrite } from "./conform-write.js";
import type { ParquetEncodeOptions } from "./parquet-write.js";
import { checkWritable, upgradeProtocol } from "./protocol.js";
import { type DeltaStructType, schemaToString } from "./schema.js";
import { mergeSchemas } from "./schema-merge.js";
import type { Snapshot } from "./snapshot.js";
import { splitForFiles } from "./split-for-files.js";
import { writeDataFile } from "./write-data-file.js";

/**
 * Data files written for an append but not yet committed.
 *
 * @example
 * const staged = await table.stage(batch); await table.commit([staged]);
 */
export interface StagedAppend {
  /** Add actions of the written files (none for empty data). */
  readonly adds: readonly AddAction[];
  /** Delta schema of the written data, merged into the table schema at commit time. */
  readonly dataSchema: DeltaStructType;
  readonly numRecords: number;
}

/**
 * Options of an append.
 *
 * @example
 * await table.append(batch, { parquet: { compression: "snappy" }, maxAttempts: 10 });
 */
export interface AppendOptions extends CommitOptions {
  readonly parquet?: ParquetEncodeOptions;
  /** Arrow bytes encoded into one data file at most; larger appends write several files (one commit). */
  readonly maxFileBytes?: number;
}

/**
 * Writes the data as Parquet files of the table (one, or one per `maxFileBytes` of Arrow data;
 * schema merged and cast as the commit will do, so type conflicts fail before anything is
 * written) without committing them: until
 * `commitAppend` names it in the log, readers do not see it, and a crash leaves only an unreferenced
 * file.
 *
 * @example
 * const staged = await stageAppend(store, "t", snapshot, batch);
 */
export async function stageAppend(
  store: ObjectStore,
  table: string,
  snapshot: Snapshot,
  data: Table,
  options: AppendOptions = {},
): Promise<StagedAppend> {
  checkWritable(snapshot.protocol, snapshot.schema, snapshot.location, snapshot.partitionColumns);
  const dataSchema = arrowSchemaToDelta(data.schema);
  const merged = mergeSchemas(snapshot.schema, dataSchema);
  if (data.numRows === 0) return { adds: [], dataSchema, numRecords: 0 };
  const adds: AddAction[] = [];
  for (const part of splitForFiles(conformForWrite(data, merged.schema), options.maxFileBytes)) {
    adds.push(await writeDataFile(store, table, part, options.parquet));
  }
  return { adds, dataSchema, numRecords: data.numRows };
}

/**
 * Commits staged appends as one version: the adds, plus a metaData action (and a protocol upgrade
 * for a first `timestamp_ntz` column) when the data brought new columns. The schemas are merged
 * again on every attempt, so concurrent schema changes by other writers are kept. Returns `null`
 * when there is nothing to commit.
 *
 * @example
 * await commitAppend(store, "t", snapshot, [staged]);
 */
export async function commitAppend(
  store: ObjectStore,
  table: string,
  snapshot: Snapshot,
  staged: readonly StagedAppend[],
  options: CommitOptions = {},
): Promise<CommitResult | null> {
  if (appendActions(snapshot, staged) === null) return null;
  return commitWithRetry(store, table, snapshot, (latest) => appendActions(latest!, staged) ?? [], options);
}

/**
 * Stages and commits in one call (`stageAppend` + `commitAppend`).
 *
 * @example
 * const { version } = (await appendTable(store, "t", snapshot, batch))!;
 */
export async function appendTable(
  store: ObjectStore,
  table: string,
  snapshot: Snapshot,
  data: Table,
  options: AppendOptions = {},
): Promise<CommitResult | null> {
  const staged = await stageAppend(store, table, snapshot, data, options);
  return commitAppend(store, table, snapshot, [staged], options);
}

function appendActions(snapshot: Snapshot, staged: readonly StagedAppend[]): Action[] | null {
  const actions = schemaChangeActions(snapshot, staged);
  const adds = staged.flatMap((s) => s.adds);
  if (adds.length === 0 && actions.length === 0) return null;
  for (const add of adds) actions.push({ add });
  const rows = staged.reduce((n, s) => n + s.numRecords, 0);
  actions.push(
    commitInfo("WRITE", { mode: "Append" }, snapshot, {
      isBlindAppend: true,
      operationMetrics: { num_added_files: adds.length, num_added_rows: rows },
    }),
  );
  return actions;
}

/**
 * Checks that we may write the table, then merges the staged data schemas into the snapshot's
 * schema: no actions when nothing changes, else a metaData action with the merged schema (preceded
 * by a protocol upgrade when a first `timestamp_ntz` column arrives).
 *
 * @example
 * const actions = schemaChangeActions(latest, staged); // [] or [{ metaData }] or [{ protocol }, { metaData }]
 */
export function schemaChangeActions(snapshot: Snapshot, staged: readonly StagedAppend[]): Action[] {
  checkWritable(snapshot.protocol, snapshot.schema, snapshot.location, snapshot.partitionColumns);
  let schema = snapshot.schema;
  const added: string[] = [];
  for (const s of staged) {
    const merged = mergeSchemas(schema, s.dataSchema);
    schema = merged.schema;
    added.push(...merged.added);
  }
  if (added.length === 0) return [];
  const actions: Action[] = [];
  const protocol = upgradeProtocol(snapshot.protocol, schema);
  if (protocol !== null) actions.push({ protocol });
  actions.push({ metaData: { ...snapshot.metadata, schemaString: schemaToString(schema) } });
  return actions;
}
