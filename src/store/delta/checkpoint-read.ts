import { tableFromIPC, Vector } from "apache-arrow";
import { ParquetFile } from "parquet-wasm";
import { DeltaProtocolError } from "../../errors.js";
import type { ObjectStore } from "../io/object-store.js";
import { type Action, actionFromObject } from "./actions.js";
import { blobOf, openByteSource } from "./byte-source.js";
import { READ_BATCH_SIZE } from "./parquet-read.js";

// Checkpoint columns we reconcile; stats_parsed, cdc, commitInfo, sidecars… are not read.
const ACTION_COLUMNS = ["protocol", "metaData", "txn", "remove", "add"] as const;

/**
 * The actions stored in a checkpoint (all parts of a multi-part checkpoint), protocol and metaData
 * first. Works for checkpoints written by Spark, delta-rs and us: only the action columns present in
 * a part are read.
 *
 * @example
 * const actions = await readCheckpoint(store, ["t/_delta_log/00000000000000000010.checkpoint.parquet"]);
 */
export async function readCheckpoint(store: ObjectStore, keys: readonly string[]): Promise<Action[]> {
  const parts = await Promise.all(keys.map((key) => readPart(store, key)));
  const byKind = new Map<string, Action[]>(ACTION_COLUMNS.map((c) => [c, []]));
  for (const part of parts) for (const [kind, actions] of part) byKind.get(kind)!.push(...actions);
  return ACTION_COLUMNS.flatMap((c) => byKind.get(c)!);
}

async function readPart(store: ObjectStore, key: string): Promise<Map<string, Action[]>> {
  const source = await openByteSource(store, key);
  let file: ParquetFile;
  try {
    file = await ParquetFile.fromFile(blobOf(source) as unknown as Blob);
  } catch (cause) {
    throw new DeltaProtocolError(
      `delta: checkpoint ${key} is not a readable Parquet file: ${String(cause)}`,
      {
        cause,
      },
    );
  }
  try {
    const names = new Set(tableFromIPC(file.schema().intoIPCStream()).schema.fields.map((f) => f.name));
    const columns = ACTION_COLUMNS.filter((c) => names.has(c));
    const out = new Map<string, Action[]>();
    if (columns.length === 0) return out;
    const table = tableFromIPC((await file.read({ columns, batchSize: READ_BATCH_SIZE })).intoIPCStream());
    for (const column of columns) {
      const vector = table.getChild(column)!;
      const actions: Action[] = [];
      for (let i = 0; i < vector.length; i++) {
        if (!vector.isValid(i)) continue;
        actions.push(actionFromObject({ [column]: plain(vector.get(i)) }, key));
      }
      out.set(column, actions);
    }
    return out;
  } finally {
    file.free();
  }
}

/** Arrow row values as JSON-like values: longs as numbers, maps and structs as objects, lists as arrays. */
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Vector) return [...value].map(plain);
  if (typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    const json = (value as { toJSON(): Record<string, unknown> }).toJSON();
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(json)) out[k] = plain(v);
    return out;
  }
  return value;
}
