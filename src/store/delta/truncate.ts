import type { ObjectStore } from "../io/object-store.js";
import { type CommitOptions, type CommitResult, commitInfo, commitWithRetry } from "./commit.js";
import { checkWritable } from "./protocol.js";
import { checkNotAppendOnly, removeAction } from "./rewrite.js";
import type { Snapshot } from "./snapshot.js";

/**
 * Removes every active file in one commit (the table, its schema and history stay); files added by
 * concurrent commits before ours are removed too. Returns `null` when the table holds no file.
 *
 * @example
 * await truncateTable(store, "t", snapshot);
 */
export async function truncateTable(
  store: ObjectStore,
  table: string,
  snapshot: Snapshot,
  options: CommitOptions = {},
): Promise<CommitResult | null> {
  if (snapshot.files.length === 0) return null;
  return commitWithRetry(
    store,
    table,
    snapshot,
    (latest) => {
      const current = latest!;
      checkWritable(current.protocol, current.schema, current.location);
      checkNotAppendOnly(current);
      const now = Date.now();
      return [
        ...current.files.map((file) => ({ remove: removeAction(file, now) })),
        commitInfo("DELETE", { predicate: "true" }, current),
      ];
    },
    options,
  );
}
