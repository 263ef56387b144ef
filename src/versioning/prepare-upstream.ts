import type { Table } from "apache-arrow";
import { dropColumns } from "../arrow/drop-columns.js";
import { renameColumns } from "../arrow/rename-columns.js";
import { selectColumns } from "../arrow/select-columns.js";
import {
  COLUMNS_DROPPED_BEFORE_JOIN,
  METAXY_DATA_VERSION_BY_FIELD,
  METAXY_DELETED_AT,
  RENAMED_UPSTREAM_COLUMNS,
} from "../constants.js";
import { MetadataSchemaError } from "../errors.js";
import { filterTable } from "../filters/filter-table.js";
import type { FeaturePlan, PlanDep } from "../models/plan.js";
import { aggregateUpstream } from "./aggregate-upstream.js";
import { depSelection } from "./dep-selection.js";
import type { VersioningContext } from "./versioning-context.js";

// Python keeps metaxy_deleted_at (metaxy-versioning T13), which would collide between upstreams and
// leak into the expected frame. Reads already drop soft-deleted rows, so the column carries nothing;
// we drop it on purpose. No hash and no increment depends on it.
const DROPPED: readonly string[] = [...COLUMNS_DROPPED_BEFORE_JOIN, METAXY_DELETED_AT];

/**
 * Prepares one upstream frame for the join (metaxy-versioning §3.3 steps 1–5): drops the system
 * columns that must not reach the join (`COLUMNS_DROPPED_BEFORE_JOIN` and `metaxy_deleted_at`);
 * renames (`dep.rename` plus the four provenance / data-version columns → `…__<upstream suffix>`);
 * filters with the dep's `filters` and the runtime `ctx.upstreamFilters` of this upstream (both
 * post-rename names); keeps {@link depSelection}'s columns when the dep has `select`; applies
 * aggregation lineage ({@link aggregateUpstream}). Identity and expansion need no transform.
 * The upstream must hold `metaxy_data_version_by_field`; user renames of absent columns are
 * MetadataSchemaErrors. Zero-copy except where rows are filtered or aggregated.
 *
 * @example
 * const prepared = prepareUpstream(plan, plan.dep("video/raw"), upstreamTable, ctx);
 */
export function prepareUpstream(
  plan: FeaturePlan,
  dep: PlanDep,
  table: Table,
  ctx: VersioningContext,
): Table {
  const where = `versioning: upstream "${dep.key}" of "${plan.key}"`;
  let out = dropColumns(table, DROPPED);
  const names = new Set(out.schema.fields.map((f) => f.name));
  if (!names.has(METAXY_DATA_VERSION_BY_FIELD)) {
    throw new MetadataSchemaError(
      `${where} has no column "${METAXY_DATA_VERSION_BY_FIELD}" (columns: ${[...names].join(", ")})`,
    );
  }
  // User renames are strict (as in Python); of the system renames only those present apply.
  const renames: Record<string, string> = {};
  for (const [from, to] of Object.entries(dep.columnRenames)) {
    const system = RENAMED_UPSTREAM_COLUMNS.includes(from);
    if (!system && !names.has(from)) {
      throw new MetadataSchemaError(
        `${where}: rename source "${from}" is not a column (columns: ${[...names].join(", ")})`,
      );
    }
    if (names.has(from)) renames[from] = to;
  }
  out = renameColumns(out, renames);
  out = filterTable(out, [
    ...(dep.dep.filters ?? []),
    ...(ctx.upstreamFilters.get(dep.key.toString()) ?? []),
  ]);
  const selection = depSelection(dep);
  if (selection !== null) {
    const system = new Set(Object.values(dep.systemColumnRenames));
    const present = new Set(out.schema.fields.map((f) => f.name));
    out = selectColumns(
      out,
      selection.filter((c, k) => selection.indexOf(c) === k && (!system.has(c) || present.has(c))),
    );
  }
  return dep.lineage.kind === "aggregation" ? aggregateUpstream(plan, dep, out, ctx) : out;
}
