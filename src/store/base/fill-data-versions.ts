import type { Table } from "apache-arrow";
import { withColumn } from "../../arrow/with-column.js";
import {
  METAXY_DATA_VERSION,
  METAXY_DATA_VERSION_BY_FIELD,
  METAXY_PROVENANCE,
  METAXY_PROVENANCE_BY_FIELD,
} from "../../constants.js";
import type { Feature } from "../../models/feature.js";
import type { VersioningContext } from "../../versioning/versioning-context.js";
import { byFieldHash } from "./by-field-hash.js";
import { coalesceRows } from "./coalesce-rows.js";

/**
 * Write-time data versions (metaxy-versioning §3.5): without `metaxy_data_version_by_field` both
 * data-version columns are copies of the provenance columns; with it, its null rows are filled
 * from `metaxy_provenance_by_field`, and then `metaxy_data_version` is computed from it when
 * absent, or has its null rows filled from `metaxy_provenance`. The frame must already hold both
 * provenance columns.
 *
 * @example
 * fillDataVersions(table, feature, ctx);
 */
export function fillDataVersions(table: Table, feature: Feature, ctx: VersioningContext): Table {
  const pbf = table.getChild(METAXY_PROVENANCE_BY_FIELD)!;
  const provenance = table.getChild(METAXY_PROVENANCE)!;
  const given = table.getChild(METAXY_DATA_VERSION_BY_FIELD);
  if (given === null) {
    const out = withColumn(table, METAXY_DATA_VERSION_BY_FIELD, pbf);
    return withColumn(out, METAXY_DATA_VERSION, provenance);
  }
  const take = ctx.kernels.take;
  const dvbf = coalesceRows(given, pbf, take);
  let out = withColumn(table, METAXY_DATA_VERSION_BY_FIELD, dvbf);
  const dv = table.getChild(METAXY_DATA_VERSION);
  out = withColumn(
    out,
    METAXY_DATA_VERSION,
    dv === null
      ? byFieldHash(dvbf, METAXY_DATA_VERSION_BY_FIELD, feature, ctx)
      : coalesceRows(dv, provenance, take),
  );
  return out;
}
