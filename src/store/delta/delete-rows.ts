import type { Table } from "apache-arrow";
import { InvalidArgumentError } from "../../errors.js";
import type { ObjectStore } from "../io/object-store.js";
import type { DeltaFile } from "./delta-file.js";
import { type RewriteOptions, type RewriteResult, rewriteFiles } from "./rewrite.js";
import type { Snapshot } from "./snapshot.js";
import { filterRows } from "./take.js";

/**
 * Marks the rows to delete: one truthy entry per row of `data`.
 *
 * @example
 * const predicate: RowPredicate = (data) => [...data.getChild("id")!].map((id) => id === "gone");
 */
export type RowPredicate = (data: Table, file: DeltaFile) => ArrayLike<number | boolean>;

/**
 * Options of `deleteRows`.
 *
 * @example
 * await table.deleteRows(predicate, { columns: ["id"], filter: (f) => f.stats?.maxValues.id !== undefined });
 */
export interface DeleteRowsOptions extends RewriteOptions {
  /** Columns the predicate needs (default: all); files are re-read whole only when rows go. */
  readonly columns?: readonly string[];
  /** Candidate files (default: every active file). */
  readonly files?: readonly DeltaFile[];
  /** File-level pruning, e.g. by stats: files it rejects are not read. */
  readonly filter?: (file: DeltaFile) => boolean;
}

/**
 * The outcome of `deleteRows`.
 *
 * @example
 * const { deletedRows, commit } = await table.deleteRows(predicate);
 */
export interface DeleteRowsResult extends RewriteResult {
  readonly deletedRows: number;
}

/**
 * Hard delete: evaluates the predicate file by file (on the projected columns), and rewrites only the
 * files that lose rows — remove + add of the remaining rows in one commit (a file losing every row
 * is just removed).
 *
 * @example
 * await deleteRows(store, "t", snap, (d) => idsToDrop(d.getChild("id")!), { columns: ["id"] });
 */
export async function deleteRows(
  store: ObjectStore,
  table: string,
  snapshot: Snapshot,
  predicate: RowPredicate,
  options: DeleteRowsOptions = {},
): Promise<DeleteRowsResult> {
  const candidates = (options.files ?? snapshot.files).filter(options.filter ?? (() => true));
  const masks = new Map<string, ArrayLike<number | boolean>>();
  let deletedRows = 0;
  for (const file of candidates) {
    const probe = await snapshot.read({
      files: [file],
      ...(options.columns ? { columns: options.columns } : {}),
    });
    const mask = predicate(probe, file);
    if (mask.length !== probe.numRows) {
      throw new InvalidArgumentError(
        `delta: delete predicate returned ${mask.length} flags for ${probe.numRows} rows`,
      );
    }
    let count = 0;
    for (let i = 0; i < mask.length; i++) if (mask[i]) count++;
    if (count === 0) continue;
    masks.set(file.path, mask);
    deletedRows += count;
  }
  const doomed = candidates.filter((f) => masks.has(f.path));
  const result = await rewriteFiles(
    store,
    table,
    snapshot,
    doomed,
    (data, file) => {
      const mask = masks.get(file.path)!;
      const keep = new Uint8Array(mask.length);
      let kept = 0;
      for (let i = 0; i < mask.length; i++) if (!mask[i]) kept += keep[i] = 1;
      return kept === 0 ? null : filterRows(data, keep);
    },
    {
      ...options,
      operationParameters: options.operationParameters ?? { predicate: "rows selected by the caller" },
    },
  );
  return { ...result, deletedRows };
}
