/** Directory of the transaction log inside a table. */
export const LOG_DIR = "_delta_log";

/**
 * Joins key parts with `/`, skipping empty ones (a table at the store root has the empty path).
 *
 * @example
 * joinKey("video/raw.delta", "_delta_log/00000000000000000000.json");
 */
export function joinKey(...parts: readonly string[]): string {
  return parts.filter((p) => p !== "").join("/");
}

/**
 * The 20-digit zero-padded version used in log file names.
 *
 * @example
 * padVersion(7); // "00000000000000000007"
 */
export function padVersion(version: number): string {
  return String(version).padStart(20, "0");
}

/**
 * Key of the commit file of `version`.
 *
 * @example
 * commitKey("t", 3); // "t/_delta_log/00000000000000000003.json"
 */
export function commitKey(table: string, version: number): string {
  return joinKey(table, LOG_DIR, `${padVersion(version)}.json`);
}

/**
 * Key of the single-file checkpoint of `version`.
 *
 * @example
 * checkpointKey("t", 10); // "t/_delta_log/00000000000000000010.checkpoint.parquet"
 */
export function checkpointKey(table: string, version: number): string {
  return joinKey(table, LOG_DIR, `${padVersion(version)}.checkpoint.parquet`);
}

/**
 * Key of `_last_checkpoint`.
 *
 * @example
 * lastCheckpointKey("t"); // "t/_delta_log/_last_checkpoint"
 */
export function lastCheckpointKey(table: string): string {
  return joinKey(table, LOG_DIR, "_last_checkpoint");
}

/** A log file recognised by name. */
export type LogFile =
  | { readonly kind: "commit"; readonly version: number; readonly key: string }
  | {
      readonly kind: "checkpoint";
      readonly version: number;
      readonly key: string;
      /** 1-based part number and part count (1 of 1 for a single-file checkpoint). */
      readonly part: number;
      readonly parts: number;
    };

const COMMIT = /^(\d{20})\.json$/;
const CHECKPOINT = /^(\d{20})\.checkpoint\.parquet$/;
const MULTIPART = /^(\d{20})\.checkpoint\.(\d{10})\.(\d{10})\.parquet$/;

/**
 * Classifies a key in `_delta_log/` by its file name: commits, classic and multi-part checkpoints.
 * Everything else (`.crc`, UUID-named v2 checkpoints, compactions, temp files) gives `null`.
 *
 * @example
 * parseLogFile("t/_delta_log/00000000000000000010.checkpoint.parquet"); // { kind: "checkpoint", version: 10, … }
 */
export function parseLogFile(key: string): LogFile | null {
  const name = key.slice(key.lastIndexOf("/") + 1);
  let m = COMMIT.exec(name);
  if (m !== null) return { kind: "commit", version: Number(m[1]), key };
  m = CHECKPOINT.exec(name);
  if (m !== null) return { kind: "checkpoint", version: Number(m[1]), key, part: 1, parts: 1 };
  m = MULTIPART.exec(name);
  if (m !== null)
    return { kind: "checkpoint", version: Number(m[1]), key, part: Number(m[2]), parts: Number(m[3]) };
  return null;
}
