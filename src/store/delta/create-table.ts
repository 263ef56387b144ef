import { randomUUID } from "node:crypto";
import { InvalidArgumentError } from "../../errors.js";
import type { ObjectStore } from "../io/object-store.js";
import type { Action, MetadataAction } from "./actions.js";
import { type CommitOptions, type CommitResult, commitInfo, commitWithRetry } from "./commit.js";
import { protocolForSchema } from "./protocol.js";
import { type DeltaStructType, schemaToString } from "./schema.js";

/**
 * What a new table is created with.
 *
 * @example
 * await DeltaTable.create(store, "t", schema, { configuration: { "delta.appendOnly": "true" } });
 */
export interface CreateTableOptions extends CommitOptions {
  /** `metaData.configuration` (e.g. `{ "delta.checkpointInterval": "20" }`). */
  readonly configuration?: Readonly<Record<string, string>>;
  readonly name?: string;
  readonly description?: string;
}

/**
 * The protocol and metaData actions of a new, unpartitioned Parquet table.
 *
 * @example
 * const [protocol, metaData] = tableHeader(schema, {});
 */
export function tableHeader(schema: DeltaStructType, options: CreateTableOptions): [Action, Action] {
  const metaData: MetadataAction = {
    id: randomUUID(),
    name: options.name ?? null,
    description: options.description ?? null,
    format: { provider: "parquet", options: {} },
    schemaString: schemaToString(schema),
    partitionColumns: [],
    createdTime: Date.now(),
    configuration: { ...options.configuration },
  };
  return [{ protocol: protocolForSchema(schema) }, { metaData }];
}

/**
 * Creates the table (version 0: protocol, metaData, commitInfo) with put-if-absent. Throws
 * `InvalidArgumentError` when a table already exists at that location (also when another writer
 * created it first).
 *
 * @example
 * await createTable(store, "video/raw.delta", arrowSchemaToDelta(schema));
 */
export async function createTable(
  store: ObjectStore,
  table: string,
  schema: DeltaStructType,
  options: CreateTableOptions = {},
): Promise<CommitResult> {
  return commitWithRetry(
    store,
    table,
    null,
    (snapshot) => {
      if (snapshot !== null) {
        throw new InvalidArgumentError(
          `delta: table ${snapshot.location} already exists (version ${snapshot.version})`,
        );
      }
      return [...tableHeader(schema, options), commitInfo("CREATE TABLE", { mode: "ErrorIfExists" }, null)];
    },
    options,
  );
}
