import type { Table } from "apache-arrow";
import { takeTable } from "../arrow/take-table.js";
import { METAXY_PROVENANCE } from "../constants.js";
import { InvalidArgumentError } from "../errors.js";
import type { FilterExpr } from "../filters/filter-expr.js";
import type { Kernels } from "../kernels/kernels.js";
import { collapseExpansion } from "./collapse-expansion.js";
import { flatUtf8, isValidRow, sameBytes } from "./flat-utf8.js";
import { Increment } from "./increment.js";
import { sortedJoin } from "./sorted-join.js";
import { stalenessFlags } from "./staleness-flags.js";
import { tableColumn } from "./table-column.js";

/**
 * Options of {@link resolveIncrement}.
 *
 * @example
 * const options: ResolveIncrementOptions = { joinColumns: plan.joinColumns, expansion: false, kernels };
 */
export interface ResolveIncrementOptions {
  /** Columns matching expected and stored rows: `plan.joinColumns` (expansion: the `on` columns). */
  readonly joinColumns: readonly string[];
  /** The feature has an expansion (1:N) dep: stored rows are collapsed per `joinColumns` first. */
  readonly expansion?: boolean;
  /** Filters evaluated on the stored rows; a match makes the row stale whatever its provenance. */
  readonly stalenessPredicates?: readonly (string | FilterExpr)[];
  /** The kernel set. */
  readonly kernels: Kernels;
}

/**
 * Compares an expected frame with the stored rows (Python `IncrementResolver.resolve`,
 * metaxy-versioning §5.3). `current` is what a read gives (current feature version, latest per id,
 * no soft-deleted rows, target filters applied), or null when nothing is stored.
 * - new: expected rows without a stored match on the join columns (all expected columns);
 * - stale: expected rows per stored match where the stored `metaxy_provenance` is null or differs
 *   from the expected one, or a staleness predicate is TRUE on the stored row (a null expected
 *   provenance alone is never stale); such rows are never also in new;
 * - orphaned: stored rows without an expected match (the stored columns).
 * Null join keys never match. Works on keys and provenance only; the other columns are gathered for
 * the output rows alone (a side that is returned whole is not copied).
 *
 * @example
 * const inc = resolveIncrement(expected, current, { joinColumns: ["sample_uid"], kernels: getKernels() });
 * inc.counts; // { new: 2, stale: 1, orphaned: 0 }
 */
export function resolveIncrement(
  expected: Table,
  current: Table | null,
  options: ResolveIncrementOptions,
): Increment {
  const { joinColumns, kernels } = options;
  if (joinColumns.length === 0)
    throw new InvalidArgumentError("versioning: resolveIncrement needs join columns");
  const expKeys = joinColumns.map((c) => tableColumn(expected, c, "versioning: expected frame"));
  const expProv = tableColumn(expected, METAXY_PROVENANCE, "versioning: expected frame");
  if (current === null || current.numRows === 0) {
    const none = takeTable(expected, new Int32Array(0), kernels.take);
    return new Increment({ new: expected, stale: none, orphaned: current ?? none });
  }
  const stored = options.expansion === true ? collapseExpansion(current, joinColumns, kernels) : current;
  const curKeys = joinColumns.map((c) => tableColumn(stored, c, "versioning: stored rows"));
  const curProv = tableColumn(stored, METAXY_PROVENANCE, "versioning: stored rows");
  // Nothing expected: every stored row is orphaned (and the expected keys may not even be typed).
  if (expected.numRows === 0) return new Increment({ new: expected, stale: expected, orphaned: stored });

  // One full join gives all three: unmatched expected rows (ascending), matched pairs in expected
  // order, then unmatched stored rows (ascending).
  const { left, right } = sortedJoin(expKeys, curKeys, "full") ?? kernels.join(expKeys, curKeys, "full");
  const flags = stalenessFlags(stored, options.stalenessPredicates ?? []);
  const e = flatUtf8(expProv, METAXY_PROVENANCE);
  const c = flatUtf8(curProv, METAXY_PROVENANCE);
  const added = new Int32Array(left.length);
  const staleRows = new Int32Array(left.length);
  const orphans = new Int32Array(right.length);
  let a = 0;
  let m = 0;
  let o = 0;
  for (let p = 0; p < left.length; p++) {
    const i = left[p]!;
    const j = right[p]!;
    if (j < 0) added[a++] = i;
    else if (i < 0) orphans[o++] = j;
    else if (
      !isValidRow(c, j) ||
      (isValidRow(e, i) && !sameBytes(e, i, c, j)) ||
      (flags !== null && flags[j] === 1)
    )
      staleRows[m++] = i;
  }
  return new Increment({
    new: subset(expected, added.subarray(0, a), kernels),
    stale: takeTable(expected, staleRows.subarray(0, m), kernels.take),
    orphaned: subset(stored, orphans.subarray(0, o), kernels),
  });
}

/** The rows at `indices`, or the table itself when they are all of its rows in order. */
function subset(table: Table, indices: Int32Array, kernels: Kernels): Table {
  return indices.length === table.numRows ? table : takeTable(table, indices, kernels.take);
}
