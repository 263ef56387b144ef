import {
  COLUMNS_DROPPED_BEFORE_JOIN,
  METAXY_DATA_VERSION_BY_FIELD,
  METAXY_DELETED_AT,
  RENAMED_UPSTREAM_COLUMNS,
} from "../../constants.js";
import { filterColumns } from "../../filters/filter-columns.js";
import { toFilterExpr } from "../../filters/to-filter-expr.js";
import type { PlanDep } from "../../models/plan.js";
import { upstreamReadColumns } from "../../versioning/upstream-read-columns.js";
import type { StoreContext } from "./store-backend.js";

/**
 * System columns the expected frame never uses: the engine drops them before the join, and only
 * the upstream's data versions feed the downstream hashes (metaxy-versioning §3.3–§3.4).
 */
const UNUSED_UPSTREAM_COLUMNS: ReadonlySet<string> = new Set([
  ...COLUMNS_DROPPED_BEFORE_JOIN,
  METAXY_DELETED_AT,
  ...RENAMED_UPSTREAM_COLUMNS.filter((c) => c !== METAXY_DATA_VERSION_BY_FIELD),
]);

/**
 * The columns to read of one upstream for `resolveUpdate`: the dep's own selection when it has a
 * `select`; otherwise every stored column but the system columns the engine would drop anyway — so a
 * Parquet read skips the upstream's provenance struct and bookkeeping columns. Undefined (read all)
 * when this store has no table for the upstream (a fallback store will serve it).
 *
 * @example
 * await upstreamColumns(ctx, plan.dep("video/raw")); // ["video_id", "path", "metaxy_data_version_by_field"]
 */
export async function upstreamColumns(
  ctx: StoreContext,
  dep: PlanDep,
): Promise<readonly string[] | undefined> {
  const selected = upstreamReadColumns(dep);
  if (selected !== null) return selected;
  const schema = await ctx.backend.readSchema(dep.key);
  if (schema === null) return undefined;
  // A dep filter may name a renamed system column (`metaxy_provenance__video`): keep its source.
  const sources = new Map(Object.entries(dep.columnRenames).map(([from, to]) => [to, from]));
  const filtered = new Set(
    (dep.dep.filters ?? []).flatMap((f) => filterColumns(toFilterExpr(f)).map((n) => n.split(".")[0]!)),
  );
  const needed = new Set([...filtered].map((name) => sources.get(name) ?? name));
  return schema.fields
    .map((f) => f.name)
    .filter((name) => needed.has(name) || !UNUSED_UPSTREAM_COLUMNS.has(name));
}
