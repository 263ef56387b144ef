import { Schema, type Table } from "apache-arrow";
import { MetadataSchemaError } from "../../errors.js";
import type { ParquetDecoder } from "../../kernels/parquet-decoder.js";
import type { ObjectStore } from "../io/object-store.js";
import type { MetadataAction, ProtocolAction } from "./actions.js";
import { deltaSchemaToArrow } from "./arrow-types.js";
import { type DeltaFile, deltaFile } from "./delta-file.js";
import { readCommitsAfter } from "./log-reader.js";
import { checkReadable } from "./protocol.js";
import { readFiles } from "./read-files.js";
import { type DeltaStructType, parseSchemaString } from "./schema.js";
import { requireHeader, type TableState } from "./table-state.js";

/**
 * Options of `Snapshot.read`.
 *
 * @example
 * await snapshot.read({ columns: ["id"], filter: (f) => f.stats === null || f.stats.numRecords > 0 });
 */
export interface SnapshotReadOptions {
  /** Columns to read, in output order (default: all, in table order). */
  readonly columns?: readonly string[];
  /** Files to read (default: every active file). */
  readonly files?: readonly DeltaFile[];
  /** File-level pruning: files for which this returns false are skipped (e.g. by their stats). */
  readonly filter?: (file: DeltaFile) => boolean;
  /** Files read at once (default 4). */
  readonly concurrency?: number;
  /** A vectorised Parquet decoder to use where it can (the native kernels' `parquet`). */
  readonly decoder?: ParquetDecoder | null;
}

/**
 * One version of a Delta table: protocol, metadata, schema and active files (with parsed stats),
 * and reads of its data. Immutable; `update()` returns a newer snapshot. Construction refuses
 * tables we cannot read exactly (see `checkReadable`).
 *
 * @example
 * const snap = await table.snapshot();
 * const t = await snap.read({ columns: ["id"], filter: (f) => f.stats?.maxValues.v !== "old" });
 */
export class Snapshot {
  readonly version: number;
  readonly protocol: ProtocolAction;
  readonly metadata: MetadataAction;
  /** The table schema as Delta types. */
  readonly schema: DeltaStructType;
  /** The table schema as the Arrow types reads produce. */
  readonly arrowSchema: Schema;
  /** Active files in the order they were added. */
  readonly files: readonly DeltaFile[];

  constructor(
    readonly store: ObjectStore,
    /** Key prefix of the table in the store (`""` for a table at the store root). */
    readonly table: string,
    /** The reconciled log state this snapshot views. */
    readonly state: TableState,
  ) {
    const header = requireHeader(state, this.location);
    checkReadable(header.protocol, this.location);
    this.version = state.version;
    this.protocol = header.protocol;
    this.metadata = header.metadata;
    this.schema = parseSchemaString(header.metadata.schemaString);
    this.arrowSchema = deltaSchemaToArrow(this.schema);
    this.files = [...state.files.values()].map((add) => deltaFile(table, add));
  }

  /** Where the table lives, for messages (`/root/t` or `s3://bucket/t`). */
  get location(): string {
    return this.table === "" ? this.store.display : `${this.store.display}/${this.table}`;
  }

  /** Partition columns (empty for tables we write). */
  get partitionColumns(): readonly string[] {
    return this.metadata.partitionColumns;
  }

  /** Sum of `numRecords` over the active files, or `null` when a file has no stats. */
  get numRecords(): number | null {
    let total = 0;
    for (const f of this.files) {
      if (f.stats === null) return null;
      total += f.stats.numRecords;
    }
    return total;
  }

  /**
   * Reads the table (or the chosen files and columns) as one Arrow table of the table schema:
   * projected, with per-file schemas unified (missing columns null-filled, types cast), partition
   * values as columns.
   *
   * @example
   * await snap.read({ columns: ["id", METAXY_FEATURE_VERSION] });
   */
  async read(options: SnapshotReadOptions = {}): Promise<Table> {
    const schema = this.projection(options.columns);
    const candidates = options.files ?? this.files;
    const files = options.filter === undefined ? candidates : candidates.filter(options.filter);
    const partitionColumns = new Set(
      this.partitionColumns.filter((c) => schema.fields.some((f) => f.name === c)),
    );
    return readFiles(
      this.store,
      files,
      { schema, partitionColumns },
      options.concurrency,
      options.decoder ?? null,
    );
  }

  /**
   * The snapshot after every commit newer than this one (itself when there is none).
   *
   * @example
   * const latest = await snap.update();
   */
  async update(): Promise<Snapshot> {
    const state = await readCommitsAfter(this.store, this.table, this.state);
    return state === this.state ? this : new Snapshot(this.store, this.table, state);
  }

  private projection(columns: readonly string[] | undefined): Schema {
    if (columns === undefined) return this.arrowSchema;
    const fields = columns.map((name) => {
      const field = this.arrowSchema.fields.find((f) => f.name === name);
      if (field === undefined) {
        throw new MetadataSchemaError(
          `delta: column "${name}" is not in table ${this.location} (columns: ${this.arrowSchema.fields.map((f) => f.name).join(", ")})`,
        );
      }
      return field;
    });
    return new Schema(fields);
  }
}
