import type { Table } from "apache-arrow";
import { CommitConflictError, DeltaProtocolError } from "../../errors.js";
import type { ObjectStore } from "../io/object-store.js";
import type { Action, RemoveAction } from "./actions.js";
import { type AppendOptions, type StagedAppend, schemaChangeActions, stageAppend } from "./append.js";
import { type CommitResult, commitInfo, commitWithRetry } from "./commit.js";
import type { DeltaFile } from "./delta-file.js";
import type { Snapshot } from "./snapshot.js";

/**
 * The new content of a file: a table to write in its place, `null` (or zero rows) to drop it, or the
 * very table it was given to leave the file untouched.
 *
 * @example
 * const keepEven: FileTransform = (data) => filterRows(data, [...data.getChild("n")!].map((n) => n % 2 === 0));
 */
export type FileTransform = (data: Table, file: DeltaFile) => Table | null | Promise<Table | null>;

/**
 * Options of a rewrite.
 *
 * @example
 * await table.rewrite(files, transform, { operation: "OPTIMIZE" });
 */
export interface RewriteOptions extends AppendOptions {
  /** `commitInfo.operation` (default `DELETE`, what a hard delete is). */
  readonly operation?: string;
  readonly operationParameters?: Readonly<Record<string, unknown>>;
}

/**
 * The outcome of a rewrite.
 *
 * @example
 * const { removedFiles, addedFiles } = await table.rewrite(files, transform);
 */
export interface RewriteResult {
  /** The commit, or `null` when no file changed. */
  readonly commit: CommitResult | null;
  readonly removedFiles: number;
  readonly addedFiles: number;
}

/**
 * Rewrites files as one commit: each file is read whole (table schema), passed to `transform`, and
 * the result written as a new file; the commit removes the old files and adds the new ones. If a
 * concurrent commit removed one of these files first, the rewrite fails with `CommitConflictError`
 * (its rows may have changed); concurrent appends are rebased over. Append-only tables
 * (`delta.appendOnly`) are refused with `DeltaProtocolError`.
 *
 * @example
 * await rewriteFiles(store, "t", snap, snap.files, (data) => filterRows(data, keepMask(data)));
 */
export async function rewriteFiles(
  store: ObjectStore,
  table: string,
  snapshot: Snapshot,
  files: readonly DeltaFile[],
  transform: FileTransform,
  options: RewriteOptions = {},
): Promise<RewriteResult> {
  checkNotAppendOnly(snapshot);
  const removed: DeltaFile[] = [];
  const staged: StagedAppend[] = [];
  for (const file of files) {
    const data = await snapshot.read({ files: [file] });
    const next = await transform(data, file);
    if (next === data) continue;
    removed.push(file);
    if (next !== null && next.numRows > 0)
      staged.push(await stageAppend(store, table, snapshot, next, options));
  }
  const addedFiles = staged.reduce((n, s) => n + s.adds.length, 0);
  if (removed.length === 0) return { commit: null, removedFiles: 0, addedFiles: 0 };
  const commit = await commitWithRetry(
    store,
    table,
    snapshot,
    (latest) => {
      const current = latest!;
      checkNotAppendOnly(current);
      for (const file of removed) {
        if (!current.state.files.has(file.path)) {
          throw new CommitConflictError(
            `delta: ${file.key} was removed by a concurrent commit (version ≤ ${current.version}) while it was being rewritten`,
          );
        }
      }
      return rewriteActions(current, removed, staged, options);
    },
    options,
  );
  return { commit, removedFiles: removed.length, addedFiles };
}

function rewriteActions(
  snapshot: Snapshot,
  removed: readonly DeltaFile[],
  staged: readonly StagedAppend[],
  options: RewriteOptions,
): Action[] {
  const now = Date.now();
  const actions = schemaChangeActions(snapshot, staged);
  for (const file of removed) actions.push({ remove: removeAction(file, now) });
  for (const s of staged) for (const add of s.adds) actions.push({ add });
  actions.push(commitInfo(options.operation ?? "DELETE", options.operationParameters ?? {}, snapshot));
  return actions;
}

/**
 * The remove action for an active file, with the full file metadata (`extendedFileMetadata`).
 *
 * @example
 * removeAction(file, Date.now()).path === file.path; // true
 */
export function removeAction(file: DeltaFile, now: number): RemoveAction {
  return {
    path: file.path,
    deletionTimestamp: now,
    dataChange: true,
    extendedFileMetadata: true,
    partitionValues: file.partitionValues,
    size: file.size,
  };
}

/**
 * Refuses to remove data from a table with `delta.appendOnly=true`.
 *
 * @example
 * checkNotAppendOnly(snapshot);
 */
export function checkNotAppendOnly(snapshot: Snapshot): void {
  if (String(snapshot.metadata.configuration["delta.appendOnly"]).toLowerCase() === "true") {
    throw new DeltaProtocolError(
      `delta: table ${snapshot.location} is append-only (delta.appendOnly=true); rows cannot be removed`,
    );
  }
}
