import { Field, type Table, Vector } from "apache-arrow";
import { assembleTable } from "../arrow/assemble-table.js";
import { canonicalType } from "../arrow/canonical-type.js";
import { castVector } from "../arrow/cast-vector.js";
import { isIdentity } from "../arrow/is-identity.js";
import { takeColumn } from "../arrow/take-column.js";
import { InvalidArgumentError } from "../errors.js";
import type { JoinKind, JoinResult, Kernels } from "../kernels/kernels.js";
import type { FeaturePlan } from "../models/plan.js";
import type { PreparedUpstream } from "./check-column-collisions.js";
import { sortedJoin } from "./sorted-join.js";
import { tableColumn } from "./table-column.js";

/**
 * Joins prepared upstream frames on `plan.joinColumns` (metaxy-versioning §3.3 step 6): required
 * deps inner-joined in spec order, then optional deps left-joined — or full-joined when every dep
 * of the plan is optional, the join columns then coalesced from both sides. Null keys never match.
 * Only key columns take part in the joins; every other column is gathered once at the end.
 * Output: the join columns, then each upstream's other columns in join order. With one upstream
 * the frame is only reordered (zero-copy). An absent optional upstream is simply left out.
 *
 * @example
 * const joined = joinUpstreams(plan, [{ dep, table }], getKernels());
 */
export function joinUpstreams(
  plan: FeaturePlan,
  prepared: readonly PreparedUpstream[],
  kernels: Kernels,
): Table {
  return joinUpstreamsDeferred(plan, prepared, kernels, new Set()).table;
}

/**
 * A column of an upstream frame left out of a join's output: output row p holds `column`'s row
 * `rows[p]` (-1: none, so null), or row p itself when `rows` is null.
 *
 * @example
 * const { column, rows } = joined.deferred.get("metaxy_data_version_by_field__video")!;
 */
export interface DeferredColumn {
  readonly column: Vector;
  readonly rows: Int32Array | null;
}

/**
 * {@link joinUpstreams} without gathering the non-key columns named in `defer`: they are left out
 * of `table` and come back as row mappings in `deferred` (by name), so a caller that only reads a
 * few values from them (the `*_by_field` Maps) gathers just those values, once.
 *
 * @example
 * const { table, deferred } = joinUpstreamsDeferred(plan, prepared, kernels, new Set([dvbfName]));
 */
export function joinUpstreamsDeferred(
  plan: FeaturePlan,
  prepared: readonly PreparedUpstream[],
  kernels: Kernels,
  defer: ReadonlySet<string>,
): { readonly table: Table; readonly deferred: ReadonlyMap<string, DeferredColumn> } {
  if (prepared.length === 0) {
    throw new InvalidArgumentError(`versioning: nothing to join for "${plan.key}": no upstream frame given`);
  }
  const joinNames = plan.joinColumns;
  const ordered = [...prepared.filter((p) => !p.dep.optional), ...prepared.filter((p) => p.dep.optional)];
  const keysOf = (p: PreparedUpstream) =>
    joinNames.map((c) => tableColumn(p.table, c, `versioning: upstream "${p.dep.key}" of "${plan.key}"`));
  const allOptional = plan.deps.every((d) => d.optional);

  let keys: Vector[] = keysOf(ordered[0]!);
  // rows[k][i]: row of upstream k behind output row i (-1: none); null means "row i itself".
  let rows: (Int32Array | null)[] = [null];
  let length = ordered[0]!.table.numRows;
  for (let k = 1; k < ordered.length; k++) {
    const right = keysOf(ordered[k]!);
    const kind: JoinKind = allOptional ? "full" : ordered[k]!.dep.optional ? "left" : "inner";
    const pairs = sortedJoin(keys, right, kind) ?? kernels.join(keys, right, kind);
    rows = rows.map((r) => compose(r, pairs.left));
    rows.push(pairs.right);
    keys =
      kind === "full"
        ? coalesceKeys(joinNames, keys, right, pairs, kernels)
        : keys.map((c) => gather(c, pairs.left, kernels));
    length = pairs.left.length;
  }

  const fields: Field[] = joinNames.map((name, j) => new Field(name, keys[j]!.type, true));
  const vectors: Vector[] = [...keys];
  const deferred = new Map<string, DeferredColumn>();
  ordered.forEach(({ table }, k) => {
    // Every row matched once, in order (always so for one-to-one roots): nothing to copy.
    const picks = rows[k] === null || isIdentity(rows[k]!, table.numRows) ? null : rows[k]!;
    table.schema.fields.forEach((field, c) => {
      if (joinNames.includes(field.name)) return;
      const column = table.getChildAt(c)!;
      if (defer.has(field.name)) {
        deferred.set(field.name, { column, rows: picks });
        return;
      }
      fields.push(field);
      vectors.push(picks === null ? column : takeColumn(column, picks, kernels.take));
    });
  });
  return {
    table: assembleTable(fields, vectors, length, ordered[0]!.table.schema.metadata),
    deferred,
  };
}

function gather(column: Vector, indices: Int32Array, kernels: Kernels): Vector {
  // Every row matched once, in order (always so for one-to-one roots): nothing to copy.
  if (isIdentity(indices, column.length)) return column;
  return takeColumn(column, indices, kernels.take);
}

/** rows ∘ picks: for each pick, the upstream row behind it (-1 stays -1). */
function compose(rows: Int32Array | null, picks: Int32Array): Int32Array {
  if (rows === null) return picks;
  const out = new Int32Array(picks.length);
  for (let i = 0; i < picks.length; i++) {
    const p = picks[i]!;
    out[i] = p < 0 ? -1 : rows[p]!;
  }
  return out;
}

/** Full-join keys: the left key where the left side matched, else the right one. */
function coalesceKeys(
  names: readonly string[],
  left: readonly Vector[],
  right: readonly Vector[],
  pairs: JoinResult,
  kernels: Kernels,
): Vector[] {
  return left.map((l, j) => {
    // One type for both sides, so their chunks can form one column to gather from.
    const type = canonicalType(l.type);
    const lv = castVector(l, type, names[j]!);
    const rv = castVector(right[j]!, type, names[j]!);
    const both = new Vector([...lv.data, ...rv.data]);
    const picks = new Int32Array(pairs.left.length);
    for (let i = 0; i < picks.length; i++) {
      const a = pairs.left[i]!;
      picks[i] = a >= 0 ? a : lv.length + pairs.right[i]!;
    }
    return gather(both, picks, kernels);
  });
}
