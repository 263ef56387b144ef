import { DeltaProtocolError } from "../../errors.js";

/**
 * Written as `commitInfo.clientVersion` (delta-rs writes `delta-rs.<version>`).
 *
 * @example
 * JSON.parse(commitLine).commitInfo.clientVersion === CLIENT_VERSION;
 */
export const CLIENT_VERSION = "metaxy-ts-0.1.0";

/** The `protocol` action: versions and, for reader 3 / writer 7, the table features. */
export interface ProtocolAction {
  readonly minReaderVersion: number;
  readonly minWriterVersion: number;
  readonly readerFeatures?: readonly string[];
  readonly writerFeatures?: readonly string[];
}

/** The `metaData` action. */
export interface MetadataAction {
  readonly id: string;
  readonly name?: string | null;
  readonly description?: string | null;
  readonly format: { readonly provider: string; readonly options: Readonly<Record<string, string>> };
  readonly schemaString: string;
  readonly partitionColumns: readonly string[];
  readonly configuration: Readonly<Record<string, string | null>>;
  readonly createdTime?: number | null;
}

/**
 * The `add` action (a data file that becomes part of the table).
 *
 * @example
 * { path: "part-00000-….snappy.parquet", partitionValues: {}, size: 2478, modificationTime: 0, dataChange: true }
 */
export interface AddAction {
  /** URI-encoded path relative to the table root, as written in the log. */
  readonly path: string;
  readonly partitionValues: Readonly<Record<string, string | null>>;
  readonly size: number;
  readonly modificationTime: number;
  readonly dataChange: boolean;
  /** JSON statistics (numRecords, minValues, maxValues, nullCount), or absent. */
  readonly stats?: string | null;
  readonly tags?: Readonly<Record<string, string | null>> | null;
  /** Present on tables with deletion vectors; we refuse such files. */
  readonly deletionVector?: unknown;
}

/** The `remove` action (a data file that leaves the table; kept as a tombstone for vacuum). */
export interface RemoveAction {
  readonly path: string;
  readonly deletionTimestamp?: number | null;
  readonly dataChange: boolean;
  readonly extendedFileMetadata?: boolean;
  readonly partitionValues?: Readonly<Record<string, string | null>> | null;
  readonly size?: number | null;
  readonly tags?: Readonly<Record<string, string | null>> | null;
  readonly deletionVector?: unknown;
}

/** The `txn` action (application transaction ids). Read and kept, never written by us. */
export interface TxnAction {
  readonly appId: string;
  readonly version: number;
  readonly lastUpdated?: number | null;
}

/** The `commitInfo` action (provenance; free-form beyond these fields). */
export interface CommitInfoAction {
  readonly timestamp?: number;
  readonly operation?: string;
  readonly operationParameters?: Readonly<Record<string, unknown>>;
  readonly clientVersion?: string;
  readonly [key: string]: unknown;
}

/**
 * One line of a commit file. Unknown action kinds (cdc, domainMetadata…) are kept as `other`.
 *
 * @example
 * const actions: Action[] = [{ add }, { commitInfo: { operation: "WRITE" } }];
 */
export type Action =
  | { readonly protocol: ProtocolAction }
  | { readonly metaData: MetadataAction }
  | { readonly add: AddAction }
  | { readonly remove: RemoveAction }
  | { readonly txn: TxnAction }
  | { readonly commitInfo: CommitInfoAction }
  | { readonly other: string };

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * Parses a commit file (newline-delimited JSON, one action per line).
 *
 * @example
 * parseCommit(bytes, "t/_delta_log/00000000000000000000.json").filter((a) => "add" in a);
 */
export function parseCommit(bytes: Uint8Array, where: string): Action[] {
  const actions: Action[] = [];
  for (const line of decoder.decode(bytes).split("\n")) {
    if (line.trim() === "") continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (cause) {
      throw new DeltaProtocolError(`delta: ${where} holds a line that is not JSON: ${line.slice(0, 200)}`, {
        cause,
      });
    }
    actions.push(actionFromObject(json, where));
  }
  return actions;
}

/**
 * Validates one decoded action object (a JSON line, or a checkpoint row turned into plain values).
 *
 * @example
 * actionFromObject({ add: { path: "a.parquet", size: 10, partitionValues: {} } }, "checkpoint");
 */
export function actionFromObject(json: unknown, where: string): Action {
  if (json === null || typeof json !== "object") {
    throw new DeltaProtocolError(`delta: ${where} holds an action that is not an object`);
  }
  const obj = json as Record<string, unknown>;
  if (isObject(obj.add)) return { add: checkAdd(obj.add, where) };
  if (isObject(obj.remove)) return { remove: checkRemove(obj.remove, where) };
  if (isObject(obj.metaData)) return { metaData: checkMetadata(obj.metaData, where) };
  if (isObject(obj.protocol)) return { protocol: checkProtocol(obj.protocol, where) };
  if (isObject(obj.txn)) return { txn: obj.txn as unknown as TxnAction };
  if (isObject(obj.commitInfo)) return { commitInfo: obj.commitInfo as CommitInfoAction };
  return { other: Object.keys(obj)[0] ?? "" };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function checkAdd(a: Record<string, unknown>, where: string): AddAction {
  if (typeof a.path !== "string" || typeof a.size !== "number") {
    throw new DeltaProtocolError(`delta: ${where} has an add action without path or size`);
  }
  return {
    ...(a as unknown as AddAction),
    partitionValues: isObject(a.partitionValues) ? (a.partitionValues as Record<string, string | null>) : {},
    modificationTime: typeof a.modificationTime === "number" ? a.modificationTime : 0,
    dataChange: a.dataChange !== false,
  };
}

function checkRemove(r: Record<string, unknown>, where: string): RemoveAction {
  if (typeof r.path !== "string") {
    throw new DeltaProtocolError(`delta: ${where} has a remove action without path`);
  }
  return { ...(r as unknown as RemoveAction), dataChange: r.dataChange !== false };
}

function checkMetadata(m: Record<string, unknown>, where: string): MetadataAction {
  if (typeof m.schemaString !== "string") {
    throw new DeltaProtocolError(`delta: ${where} has a metaData action without schemaString`);
  }
  return {
    ...(m as unknown as MetadataAction),
    id: typeof m.id === "string" ? m.id : "",
    format: isObject(m.format)
      ? (m.format as unknown as MetadataAction["format"])
      : { provider: "parquet", options: {} },
    partitionColumns: Array.isArray(m.partitionColumns) ? (m.partitionColumns as string[]) : [],
    configuration: isObject(m.configuration) ? (m.configuration as Record<string, string | null>) : {},
  };
}

function checkProtocol(p: Record<string, unknown>, where: string): ProtocolAction {
  if (typeof p.minReaderVersion !== "number" || typeof p.minWriterVersion !== "number") {
    throw new DeltaProtocolError(`delta: ${where} has a protocol action without versions`);
  }
  return p as unknown as ProtocolAction;
}

/**
 * Serialises actions as a commit file: one compact JSON object per line, newline-terminated.
 *
 * @example
 * await store.putIfAbsent(commitKey(table, 1), serializeCommit([{ add }, { commitInfo }]));
 */
export function serializeCommit(actions: readonly Action[]): Uint8Array {
  return encoder.encode(actions.map((a) => `${JSON.stringify(a)}\n`).join(""));
}
