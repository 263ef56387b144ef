import { setTimeout as sleep } from "node:timers/promises";
import { CommitConflictError } from "../../errors.js";
import type { ObjectStore } from "../io/object-store.js";
import { type Action, CLIENT_VERSION, type CommitInfoAction, serializeCommit } from "./actions.js";
import { writeCheckpoint } from "./checkpoint-write.js";
import { commitKey } from "./log-files.js";
import { loadTableState } from "./log-reader.js";
import { Snapshot } from "./snapshot.js";
import { applyActions } from "./table-state.js";

/** Default number of commits between checkpoints (Delta's `delta.checkpointInterval` default). */
export const DEFAULT_CHECKPOINT_INTERVAL = 10;

/** Default number of put-if-absent attempts before `CommitConflictError`. */
export const DEFAULT_MAX_COMMIT_ATTEMPTS = 50;

/**
 * Options of a commit.
 *
 * @example
 * await table.append(batch, { maxAttempts: 100, checkpointInterval: 20 });
 */
export interface CommitOptions {
  /** Put-if-absent attempts before giving up (default 50). */
  readonly maxAttempts?: number;
  /** Checkpoint every N versions when the table sets no `delta.checkpointInterval` (default 10). */
  readonly checkpointInterval?: number;
}

/**
 * The outcome of a successful commit.
 *
 * @example
 * const { version, snapshot } = (await table.append(batch))!;
 */
export interface CommitResult {
  readonly version: number;
  /** The table right after this commit (the committed actions applied to what we last read). */
  readonly snapshot: Snapshot;
  /** Put-if-absent attempts it took (1 when nobody raced us). */
  readonly attempts: number;
  /** Whether this commit also wrote a checkpoint. */
  readonly checkpointed: boolean;
  /** A failed checkpoint write (the commit itself stands; the next checkpoint will cover it). */
  readonly checkpointError?: unknown;
}

/**
 * Builds the actions of a commit against the latest snapshot (`null` while the table does not exist).
 * Called again after every lost race, so it must re-check its preconditions (and may throw).
 */
export type BuildCommit = (snapshot: Snapshot | null) => Action[];

/**
 * Optimistic commit: builds the actions for the next version and creates `_delta_log/%020d.json`
 * with put-if-absent; when another writer took that version, reads the commits it missed, rebuilds
 * and retries at the following version (with jittered backoff), up to `maxAttempts`, then throws
 * `CommitConflictError`. Every `checkpointInterval` versions it also writes a checkpoint.
 *
 * @example
 * const result = await commitWithRetry(store, "t", snapshot, (snap) => [{ add }, commitInfo("WRITE", {}, snap)]);
 */
export async function commitWithRetry(
  store: ObjectStore,
  table: string,
  start: Snapshot | null,
  build: BuildCommit,
  options: CommitOptions = {},
): Promise<CommitResult> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_COMMIT_ATTEMPTS;
  let snapshot = start;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const actions = build(snapshot);
    const version = (snapshot?.version ?? -1) + 1;
    if (await store.putIfAbsent(commitKey(table, version), serializeCommit(actions))) {
      const committed = new Snapshot(store, table, applyActions(snapshot?.state ?? null, actions, version));
      return {
        ...(await maybeCheckpoint(store, table, committed, options)),
        version,
        snapshot: committed,
        attempts: attempt,
      };
    }
    // Jittered backoff keeps racing writers from colliding in lockstep.
    if (attempt < maxAttempts) await sleep(Math.random() * Math.min(100, 4 * 2 ** attempt));
    snapshot = snapshot === null ? await latest(store, table) : await snapshot.update();
  }
  throw new CommitConflictError(
    `delta: commit to ${location(store, table)} lost the race for a version ${maxAttempts} times`,
  );
}

async function latest(store: ObjectStore, table: string): Promise<Snapshot | null> {
  const state = await loadTableState(store, table);
  return state === null ? null : new Snapshot(store, table, state);
}

function location(store: ObjectStore, table: string): string {
  return table === "" ? store.display : `${store.display}/${table}`;
}

async function maybeCheckpoint(
  store: ObjectStore,
  table: string,
  snapshot: Snapshot,
  options: CommitOptions,
): Promise<{ checkpointed: boolean; checkpointError?: unknown }> {
  const configured = Number(snapshot.metadata.configuration["delta.checkpointInterval"]);
  const interval =
    Number.isInteger(configured) && configured > 0
      ? configured
      : (options.checkpointInterval ?? DEFAULT_CHECKPOINT_INTERVAL);
  if (snapshot.version === 0 || snapshot.version % interval !== 0) return { checkpointed: false };
  try {
    await writeCheckpoint(store, table, snapshot.state);
    return { checkpointed: true };
  } catch (checkpointError) {
    return { checkpointed: false, checkpointError };
  }
}

/**
 * A `commitInfo` action in the shape delta-rs writes, with our `clientVersion`.
 *
 * @example
 * commitInfo("WRITE", { mode: "Append" }, snapshot); // { commitInfo: { timestamp, operation: "WRITE", … } }
 */
export function commitInfo(
  operation: string,
  operationParameters: Readonly<Record<string, unknown>>,
  readFrom: Snapshot | null,
  extra: Readonly<Record<string, unknown>> = {},
): { commitInfo: CommitInfoAction } {
  return {
    commitInfo: {
      timestamp: Date.now(),
      operation,
      operationParameters,
      ...(readFrom === null ? {} : { readVersion: readFrom.version }),
      ...extra,
      clientVersion: CLIENT_VERSION,
    },
  };
}
