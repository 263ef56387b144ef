import { DeltaProtocolError } from "../../errors.js";
import type {
  Action,
  AddAction,
  MetadataAction,
  ProtocolAction,
  RemoveAction,
  TxnAction,
} from "./actions.js";

/** The reconciled state of a table at one version (Delta's "snapshot" without data). */
export interface TableState {
  readonly version: number;
  readonly protocol: ProtocolAction | null;
  readonly metadata: MetadataAction | null;
  /** Active files by log path, in the order they were added. */
  readonly files: ReadonlyMap<string, AddAction>;
  /** Removed files by log path (kept for vacuum; written into checkpoints). */
  readonly tombstones: ReadonlyMap<string, RemoveAction>;
  /** Latest transaction version per application id. */
  readonly txns: ReadonlyMap<string, TxnAction>;
}

/** One commit's actions with its version. */
export interface VersionedActions {
  readonly version: number;
  readonly actions: readonly Action[];
}

/**
 * Applies commits in log order (Delta's action reconciliation): the last protocol and metaData win,
 * an add makes a path active and clears its tombstone, a remove deactivates it and leaves a
 * tombstone, txn keeps the latest version per app id; other actions change nothing we read. The
 * input state is not modified.
 *
 * @example
 * const next = applyCommits(state, [{ version: state.version + 1, actions: parseCommit(bytes, key) }]);
 */
export function applyCommits(state: TableState | null, commits: readonly VersionedActions[]): TableState {
  const files = new Map(state?.files);
  const tombstones = new Map(state?.tombstones);
  const txns = new Map(state?.txns);
  let protocol = state?.protocol ?? null;
  let metadata = state?.metadata ?? null;
  let version = state?.version ?? -1;
  for (const commit of commits) {
    version = commit.version;
    for (const action of commit.actions) {
      if ("add" in action) {
        files.set(action.add.path, action.add);
        tombstones.delete(action.add.path);
      } else if ("remove" in action) {
        files.delete(action.remove.path);
        tombstones.set(action.remove.path, action.remove);
      } else if ("protocol" in action) {
        protocol = action.protocol;
      } else if ("metaData" in action) {
        metadata = action.metaData;
      } else if ("txn" in action) {
        txns.set(action.txn.appId, action.txn);
      }
    }
  }
  return { version, protocol, metadata, files, tombstones, txns };
}

/**
 * `applyCommits` for a single commit (or a checkpoint's actions at its version).
 *
 * @example
 * const state = applyActions(null, await readCheckpoint(store, keys), 10);
 */
export function applyActions(
  state: TableState | null,
  actions: readonly Action[],
  version: number,
): TableState {
  return applyCommits(state, [{ version, actions }]);
}

/**
 * The protocol and metadata of a state, or `DeltaProtocolError` when the log never set them.
 *
 * @example
 * const { protocol, metadata } = requireHeader(state, "s3://bucket/t");
 */
export function requireHeader(
  state: TableState,
  table: string,
): { protocol: ProtocolAction; metadata: MetadataAction } {
  if (state.protocol === null || state.metadata === null) {
    throw new DeltaProtocolError(
      `delta: table ${table} has no ${state.protocol === null ? "protocol" : "metaData"} action up to version ${state.version}`,
    );
  }
  return { protocol: state.protocol, metadata: state.metadata };
}
