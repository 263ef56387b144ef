import type { Table } from "apache-arrow";
import { dropColumns } from "../arrow/drop-columns.js";
import { withColumn } from "../arrow/with-column.js";
import {
  METAXY_DATA_VERSION,
  METAXY_DATA_VERSION_BY_FIELD,
  METAXY_FEATURE_VERSION,
  METAXY_PROJECT_VERSION,
  METAXY_PROVENANCE,
  METAXY_PROVENANCE_BY_FIELD,
} from "../constants.js";
import type { FeaturePlan } from "../models/plan.js";
import { byFieldVector } from "./by-field-vector.js";
import { fieldProvenance } from "./field-provenance.js";
import type { DeferredColumn } from "./join-upstreams.js";
import { sampleHash } from "./sample-hash.js";
import type { VersioningContext } from "./versioning-context.js";

/**
 * Adds the four provenance / data-version columns to a joined upstream frame (metaxy-versioning
 * §3.3 step 7, §3.4): `metaxy_provenance_by_field` from {@link fieldProvenance} (Struct, or Map when
 * `ctx.enableMapDatatype`; entries in declared field order), `metaxy_provenance` as its sample hash,
 * and the data-version columns as copies of both. Then drops every upstream's renamed system
 * columns and any leftover feature / project version column ({@link droppedColumns}). Other
 * columns are kept as they are. `deferred` holds upstream columns a join left out of `frame` (see
 * `joinUpstreamsDeferred`); the data versions are read from there when present.
 *
 * @example
 * const expected = provenanceFrame(plan, joined, ctx);
 */
export function provenanceFrame(
  plan: FeaturePlan,
  frame: Table,
  ctx: VersioningContext,
  deferred: ReadonlyMap<string, DeferredColumn> = new Map(),
): Table {
  const entries = fieldProvenance(plan, frame, ctx, deferred);
  const byField = byFieldVector(entries, ctx.enableMapDatatype, frame.numRows);
  const sample = sampleHash(entries, ctx, frame.numRows);
  let out = dropColumns(frame, droppedColumns(plan));
  out = withColumn(out, METAXY_PROVENANCE_BY_FIELD, byField);
  out = withColumn(out, METAXY_PROVENANCE, sample);
  out = withColumn(out, METAXY_DATA_VERSION_BY_FIELD, byField);
  out = withColumn(out, METAXY_DATA_VERSION, sample);
  return out;
}

/**
 * The columns {@link provenanceFrame} drops from a joined frame: every dep's renamed system
 * columns and the feature / project version columns.
 *
 * @example
 * droppedColumns(plan); // ["metaxy_feature_version", "metaxy_project_version", "metaxy_provenance__video_raw", …]
 */
export function droppedColumns(plan: FeaturePlan): string[] {
  const drop = [METAXY_FEATURE_VERSION, METAXY_PROJECT_VERSION];
  for (const dep of plan.deps) drop.push(...Object.values(dep.systemColumnRenames));
  return drop;
}
