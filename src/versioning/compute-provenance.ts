import type { Table } from "apache-arrow";
import { type ArrowInput, toArrowTable } from "../arrow/to-arrow-table.js";
import { METAXY_DATA_VERSION_BY_FIELD } from "../constants.js";
import { ColumnConfigurationError } from "../errors.js";
import type { FeatureGraph } from "../models/feature-graph.js";
import type { FeatureKeyInput } from "../models/feature-key.js";
import type { FeaturePlan } from "../models/plan.js";
import { provenanceFrame } from "./provenance-frame.js";
import { type VersioningContext, type VersioningOptions, versioningContext } from "./versioning-context.js";

/**
 * Provenance of a frame the caller joined itself (Python `compute_provenance`): the frame must hold
 * `metaxy_data_version_by_field__<upstream suffix>` for every dependency. Adds the four
 * provenance / data-version columns and drops the upstreams' renamed system columns; every other
 * column is kept.
 *
 * @throws ColumnConfigurationError naming a missing data-version column.
 * @example
 * const withProvenance = await computeProvenance(graph, "video/faces", joinedRows);
 */
export async function computeProvenance(
  graph: FeatureGraph,
  feature: FeatureKeyInput,
  frame: ArrowInput,
  options: VersioningOptions = {},
): Promise<Table> {
  const plan = graph.plan(feature);
  const ctx = versioningContext(graph, options);
  return customProvenance(plan, await toArrowTable(frame, { enableMapDatatype: ctx.enableMapDatatype }), ctx);
}

/**
 * The synchronous core of {@link computeProvenance}, for callers that hold an Arrow table and a
 * resolved context.
 *
 * @example
 * const out = customProvenance(plan, joined, ctx);
 */
export function customProvenance(plan: FeaturePlan, frame: Table, ctx: VersioningContext): Table {
  const names = new Set(frame.schema.fields.map((f) => f.name));
  for (const dep of plan.deps) {
    const name = dep.systemColumnRenames[METAXY_DATA_VERSION_BY_FIELD]!;
    if (!names.has(name)) {
      throw new ColumnConfigurationError(
        `versioning: frame for "${plan.key}" has no column "${name}" (the data versions of upstream "${dep.key}"); ` +
          `columns: ${[...names].join(", ")}`,
      );
    }
  }
  return provenanceFrame(plan, frame, ctx);
}
