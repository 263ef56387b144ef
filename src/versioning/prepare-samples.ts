import { type Table, Type } from "apache-arrow";
import { structToMap } from "../arrow/struct-to-map.js";
import { withColumn } from "../arrow/with-column.js";
import {
  METAXY_DATA_VERSION,
  METAXY_DATA_VERSION_BY_FIELD,
  METAXY_PROVENANCE,
  METAXY_PROVENANCE_BY_FIELD,
} from "../constants.js";
import { MetadataSchemaError } from "../errors.js";
import type { FeaturePlan } from "../models/plan.js";
import { byFieldValuesOf } from "./by-field-values.js";
import { sampleHash } from "./sample-hash.js";
import type { VersioningContext } from "./versioning-context.js";

/**
 * User samples as an expected frame (metaxy-versioning §3.2): for root features, and for any
 * feature whose upstream join the caller overrides. `metaxy_provenance_by_field` (Struct or Map) is
 * required and kept as given; `metaxy_provenance` is ALWAYS recomputed from it — the values of the
 * plan's fields sorted by struct key, joined with `"|"`, hashed, truncated (a missing struct field
 * is a MetadataSchemaError, a missing map key nulls the hash). Without
 * `metaxy_data_version_by_field`, both data-version columns become copies of the provenance ones;
 * with it, both are kept as given. With `ctx.enableMapDatatype`, Struct `*_by_field` columns are
 * converted to Map, as Python's `resolve_update` does.
 *
 * @example
 * const expected = prepareSamples(graph.plan("video/raw"), samples, ctx);
 */
export function prepareSamples(plan: FeaturePlan, samples: Table, ctx: VersioningContext): Table {
  const where = `versioning: samples of "${plan.key}"`;
  const byField = samples.getChild(METAXY_PROVENANCE_BY_FIELD);
  if (byField === null) {
    throw new MetadataSchemaError(
      `${where} have no "${METAXY_PROVENANCE_BY_FIELD}" column (a Struct or Map of per-field provenance strings)`,
    );
  }
  const typeId: number = byField.type.typeId;
  if (typeId !== Type.Struct && typeId !== Type.Map) {
    throw new MetadataSchemaError(
      `${where}: "${METAXY_PROVENANCE_BY_FIELD}" must be a Struct or Map column, got ${byField.type}`,
    );
  }
  const keys = plan.spec.fields.map((f) => f.key.toStructKey());
  const columns = byFieldValuesOf(byField, keys, METAXY_PROVENANCE_BY_FIELD, ctx.kernels.take);
  const entries = keys.map((key, k) => [key, columns[k]!] as const);
  const sample = sampleHash(entries, ctx, samples.numRows);
  let out = withColumn(samples, METAXY_PROVENANCE, sample);
  if (out.getChild(METAXY_DATA_VERSION_BY_FIELD) === null) {
    out = withColumn(out, METAXY_DATA_VERSION_BY_FIELD, byField);
    out = withColumn(out, METAXY_DATA_VERSION, sample);
  }
  if (ctx.enableMapDatatype) {
    for (const name of [METAXY_PROVENANCE_BY_FIELD, METAXY_DATA_VERSION_BY_FIELD]) {
      const column = out.getChild(name)!;
      if (column.type.typeId === Type.Struct) out = withColumn(out, name, structToMap(column));
    }
  }
  return out;
}
