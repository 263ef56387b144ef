import type { Table, Vector } from "apache-arrow";
import { withColumn } from "../arrow/with-column.js";
import {
  METAXY_DATA_VERSION,
  METAXY_DATA_VERSION_BY_FIELD,
  METAXY_PROVENANCE,
  METAXY_PROVENANCE_BY_FIELD,
} from "../constants.js";
import type { FeaturePlan, PlanDep } from "../models/plan.js";
import { byFieldValuesOf } from "./by-field-values.js";
import { byFieldVector } from "./by-field-vector.js";
import { depOrderColumns } from "./dep-order-columns.js";
import { PREIMAGE_SEPARATOR, sampleHash } from "./sample-hash.js";
import { tableColumn } from "./table-column.js";
import type { VersioningContext } from "./versioning-context.js";

/**
 * Aggregation (N:1) lineage on one prepared upstream frame (metaxy-versioning §3.7). Groups are the
 * lineage `on` columns, else the downstream id columns; inside a group, values are ordered by the
 * selected upstream id columns (else the group columns), typed, nulls skipped. For every upstream
 * field g: `T(HASH(join("|", data_version_by_field__U[g] over the group)))`. Every row of the group
 * then carries these as `data_version_by_field__U` and `provenance_by_field__U`, and their sample
 * hash as `data_version__U` and `provenance__U`. The row count is unchanged.
 *
 * @example
 * const aggregated = aggregateUpstream(plan, plan.dep("sensor_readings"), prepared, ctx);
 */
export function aggregateUpstream(
  plan: FeaturePlan,
  dep: PlanDep,
  table: Table,
  ctx: VersioningContext,
): Table {
  const where = `versioning: upstream "${dep.key}" of "${plan.key}"`;
  const groupNames = dep.lineage.on ?? plan.spec.idColumns;
  const selectedIds = depOrderColumns(dep);
  const orderNames = selectedIds.length > 0 ? selectedIds : groupNames;
  const groups = groupNames.map((c) => tableColumn(table, c, where));
  const order = orderNames.map((c) => tableColumn(table, c, where));
  const dvbfName = dep.systemColumnRenames[METAXY_DATA_VERSION_BY_FIELD]!;
  const dvbf = tableColumn(table, dvbfName, where);
  const options = { separator: PREIMAGE_SEPARATOR, truncation: ctx.truncation };
  const keys = dep.spec.fields.map((field) => field.key.toStructKey());
  const columns = byFieldValuesOf(dvbf, keys, dvbfName, ctx.kernels.take);
  const entries = keys.map((key, k): readonly [string, Vector] => {
    const values = columns[k]!;
    const joined = ctx.kernels.groupConcat(groups, order, values, PREIMAGE_SEPARATOR);
    return [key, ctx.kernels.hashRows(ctx.hashAlgorithm, [{ column: joined }], options, table.numRows)];
  });
  const byField = byFieldVector(entries, ctx.enableMapDatatype, table.numRows);
  const sample = sampleHash(entries, ctx, table.numRows);
  let out = table;
  out = withColumn(out, dep.systemColumnRenames[METAXY_PROVENANCE_BY_FIELD]!, byField);
  out = withColumn(out, dep.systemColumnRenames[METAXY_PROVENANCE]!, sample);
  out = withColumn(out, dvbfName, byField);
  out = withColumn(out, dep.systemColumnRenames[METAXY_DATA_VERSION]!, sample);
  return out;
}
