import type { Schema, Table } from "apache-arrow";
import { InvalidArgumentError } from "../../errors.js";
import type { ObjectStore } from "../io/object-store.js";
import { type AppendOptions, commitAppend, type StagedAppend, stageAppend } from "./append.js";
import { arrowSchemaToDelta } from "./arrow-types.js";
import { writeCheckpoint } from "./checkpoint-write.js";
import type { CommitOptions, CommitResult } from "./commit.js";
import { type CreateTableOptions, createTable } from "./create-table.js";
import {
  type DeleteRowsOptions,
  type DeleteRowsResult,
  deleteRows,
  type RowPredicate,
} from "./delete-rows.js";
import type { DeltaFile } from "./delta-file.js";
import { loadTableState } from "./log-reader.js";
import type { ParquetEncodeOptions } from "./parquet-write.js";
import { type FileTransform, type RewriteOptions, type RewriteResult, rewriteFiles } from "./rewrite.js";
import type { DeltaStructType } from "./schema.js";
import { Snapshot, type SnapshotReadOptions } from "./snapshot.js";
import { truncateTable } from "./truncate.js";

/**
 * Defaults applied to every write through a `DeltaTable`.
 *
 * @example
 * await DeltaTable.open(store, "t", { checkpointInterval: 20, parquet: { compression: "zstd" } });
 */
export interface DeltaTableOptions extends CommitOptions {
  readonly parquet?: ParquetEncodeOptions;
}

/**
 * A Delta table in an `ObjectStore` (at key prefix `path`): a thin facade over the log reader,
 * writer and checkpointer that remembers the latest snapshot it has seen. Concurrency is optimistic
 * — the log is the truth: every write commits with put-if-absent and rebases over commits it
 * missed; `refresh()` picks up other writers' commits for reads.
 *
 * @example
 * const t = await DeltaTable.ensure(store, "video/raw.delta", batch.schema);
 * await t.append(batch);
 * const rows = await (await t.refresh()).read({ columns: ["video_id"] });
 */
export class DeltaTable {
  private current: Snapshot;

  private constructor(
    readonly store: ObjectStore,
    readonly path: string,
    snapshot: Snapshot,
    private readonly options: DeltaTableOptions,
  ) {
    this.current = snapshot;
  }

  /**
   * Opens an existing table at its latest version, or `null` when there is no log at `path`.
   *
   * @example
   * const t = await DeltaTable.open(store, "video/raw.delta");
   */
  static async open(
    store: ObjectStore,
    path: string,
    options: DeltaTableOptions = {},
  ): Promise<DeltaTable | null> {
    const state = await loadTableState(store, path);
    return state === null ? null : new DeltaTable(store, path, new Snapshot(store, path, state), options);
  }

  /**
   * Creates a new table (version 0) with the schema of an Arrow schema or a Delta schema. Throws
   * `InvalidArgumentError` when a table already exists there.
   *
   * @example
   * await DeltaTable.create(store, "t", new Schema([new Field("id", new Utf8(), true)]));
   */
  static async create(
    store: ObjectStore,
    path: string,
    schema: Schema | DeltaStructType,
    options: DeltaTableOptions & CreateTableOptions = {},
  ): Promise<DeltaTable> {
    if ((await loadTableState(store, path)) !== null) {
      throw new InvalidArgumentError(`delta: table ${path} already exists in ${store.display}`);
    }
    const result = await createTable(store, path, toDelta(schema), options);
    return new DeltaTable(store, path, result.snapshot, options);
  }

  /**
   * Opens the table, creating it with `schema` when absent (a creation race is resolved by opening
   * the winner's table). An existing table keeps its schema; appends merge new columns into it.
   *
   * @example
   * const t = await DeltaTable.ensure(store, "t", batch.schema);
   */
  static async ensure(
    store: ObjectStore,
    path: string,
    schema: Schema | DeltaStructType,
    options: DeltaTableOptions & CreateTableOptions = {},
  ): Promise<DeltaTable> {
    const existing = await DeltaTable.open(store, path, options);
    if (existing !== null) return existing;
    try {
      return new DeltaTable(
        store,
        path,
        (await createTable(store, path, toDelta(schema), options)).snapshot,
        options,
      );
    } catch (error) {
      if (!(error instanceof InvalidArgumentError)) throw error;
      const winner = await DeltaTable.open(store, path, options);
      if (winner === null) throw error;
      return winner;
    }
  }

  /** The latest snapshot this object has seen (after its own commits, or `refresh`). */
  get snapshot(): Snapshot {
    return this.current;
  }

  /** Version of `snapshot`. */
  get version(): number {
    return this.current.version;
  }

  /**
   * Reads commits made since `snapshot` (by anyone) and returns the new latest snapshot.
   *
   * @example
   * const snap = await t.refresh();
   */
  async refresh(): Promise<Snapshot> {
    this.current = await this.current.update();
    return this.current;
  }

  /**
   * Reads `snapshot` (no refresh): see `Snapshot.read`.
   *
   * @example
   * await t.read({ columns: ["id"], filter: (f) => f.stats?.maxValues.v === "abc" });
   */
  read(options: SnapshotReadOptions = {}): Promise<Table> {
    return this.current.read(options);
  }

  /**
   * Appends the rows as one new Parquet file and one commit (new columns merge into the schema in
   * that commit). Returns `null` for empty data that changes no schema.
   *
   * @example
   * const { version } = (await t.append(batch))!;
   */
  async append(data: Table, options: AppendOptions = {}): Promise<CommitResult | null> {
    const staged = await this.stage(data, options);
    return this.commit([staged], options);
  }

  /**
   * Writes the rows as a data file without committing (see `commit`); a crash in between leaves only
   * an unreferenced file.
   *
   * @example
   * const staged = await t.stage(batch);
   */
  stage(data: Table, options: AppendOptions = {}): Promise<StagedAppend> {
    return stageAppend(this.store, this.path, this.current, data, { ...this.options, ...options });
  }

  /**
   * Commits staged appends as one version.
   *
   * @example
   * await t.commit([await t.stage(a), await t.stage(b)]);
   */
  async commit(staged: readonly StagedAppend[], options: CommitOptions = {}): Promise<CommitResult | null> {
    return this.track(
      await commitAppend(this.store, this.path, this.current, staged, { ...this.options, ...options }),
    );
  }

  /**
   * Rewrites files in one commit (remove + add): see `rewriteFiles`.
   *
   * @example
   * await t.rewrite(t.snapshot.files, (data) => filterRows(data, mask(data)));
   */
  async rewrite(
    files: readonly DeltaFile[],
    transform: FileTransform,
    options: RewriteOptions = {},
  ): Promise<RewriteResult> {
    const result = await rewriteFiles(this.store, this.path, this.current, files, transform, {
      ...this.options,
      ...options,
    });
    this.track(result.commit);
    return result;
  }

  /**
   * Hard-deletes the rows the predicate marks (truthy = delete), rewriting only affected files.
   *
   * @example
   * await t.deleteRows((d) => mark(d.getChild("id")!), { columns: ["id"] });
   */
  async deleteRows(predicate: RowPredicate, options: DeleteRowsOptions = {}): Promise<DeleteRowsResult> {
    const result = await deleteRows(this.store, this.path, this.current, predicate, {
      ...this.options,
      ...options,
    });
    this.track(result.commit);
    return result;
  }

  /**
   * Removes every data file in one commit; the table stays (empty, same schema).
   *
   * @example
   * await t.truncate();
   */
  async truncate(options: CommitOptions = {}): Promise<CommitResult | null> {
    return this.track(
      await truncateTable(this.store, this.path, this.current, { ...this.options, ...options }),
    );
  }

  /**
   * Writes a checkpoint of `snapshot` now (commits also checkpoint every N versions on their own).
   *
   * @example
   * await t.checkpoint();
   */
  async checkpoint(): Promise<void> {
    await writeCheckpoint(this.store, this.path, this.current.state);
  }

  private track(result: CommitResult | null): CommitResult | null {
    if (result !== null && result.version > this.current.version) this.current = result.snapshot;
    return result;
  }
}

function toDelta(schema: Schema | DeltaStructType): DeltaStructType {
  return "type" in schema && schema.type === "struct" ? schema : arrowSchemaToDelta(schema as Schema);
}
