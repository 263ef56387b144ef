import { DeltaProtocolError } from "../../errors.js";
import type { AddAction } from "./actions.js";
import { joinKey } from "./log-files.js";
import { type FileStats, parseStats } from "./stats.js";

/**
 * An active data file of a snapshot, with its parsed statistics.
 *
 * @example
 * snapshot.files.filter((f) => f.stats?.minValues[METAXY_FEATURE_VERSION] === version);
 */
export interface DeltaFile {
  /** The path as written in the log (URI-encoded, relative to the table). */
  readonly path: string;
  /** The object key of the file in the store. */
  readonly key: string;
  readonly size: number;
  readonly modificationTime: number;
  readonly partitionValues: Readonly<Record<string, string | null>>;
  /** Parsed `add.stats`, or `null` when the writer recorded none. */
  readonly stats: FileStats | null;
  /** The add action itself (for rewrites and checkpoints). */
  readonly add: AddAction;
}

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/**
 * The store key of a log path: the path is a URI reference relative to the table, so it is decoded
 * once (`%20` → space). Absolute URIs (`s3://…`, `file:/…`) and paths leaving the table are refused.
 *
 * @example
 * fileKey("t", "date=2020-06-01/part-0.parquet"); // "t/date=2020-06-01/part-0.parquet"
 */
export function fileKey(table: string, path: string): string {
  if (SCHEME.test(path) || path.startsWith("/")) {
    throw new DeltaProtocolError(
      `delta: table ${table} names a data file by absolute URI "${path}", which is not supported`,
    );
  }
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Not valid percent-encoding: the writer stored the raw path.
  }
  if (decoded.split("/").some((part) => part === ".." || part === ".")) {
    throw new DeltaProtocolError(`delta: table ${table} names a data file outside the table: "${path}"`);
  }
  return joinKey(table, decoded);
}

// Snapshots of one table share their add actions; parsing each one's stats once keeps a commit on a
// table of many files from re-parsing them all.
const views = new WeakMap<AddAction, DeltaFile>();

/**
 * The `DeltaFile` view of an add action (cached per action object).
 *
 * @example
 * const file = deltaFile("t", add);
 */
export function deltaFile(table: string, add: AddAction): DeltaFile {
  const key = fileKey(table, add.path);
  const cached = views.get(add);
  if (cached !== undefined && cached.key === key) return cached;
  const file: DeltaFile = {
    path: add.path,
    key,
    size: add.size,
    modificationTime: add.modificationTime,
    partitionValues: add.partitionValues,
    stats: parseStats(add.stats),
    add,
  };
  views.set(add, file);
  return file;
}
