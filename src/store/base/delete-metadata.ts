import { timestampVector } from "../../arrow/timestamp-vector.js";
import { withColumn } from "../../arrow/with-column.js";
import { METAXY_DELETED_AT, METAXY_FEATURE_VERSION } from "../../constants.js";
import { InvalidArgumentError } from "../../errors.js";
import { and, col } from "../../filters/builders.js";
import type { FeatureKeyInput } from "../../models/feature-key.js";
import type { DeleteOptions, FilterInput } from "../metadata-store.js";
import { toFilterList } from "./filter-list.js";
import { isSystemKey, resolveFeature } from "./resolve-feature.js";
import type { StoreContext } from "./store-backend.js";
import { writeFeature } from "./write-feature.js";

/**
 * `store.delete`: needs mode `"w"`; no filters means every row.
 *
 * Soft (default), as Python: reads the matching rows (live rows only, fallback allowed, with the
 * given history flags) and writes them back through `write` with `metaxy_deleted_at` = the
 * transaction time, keeping `updated_at`/`created_at`. Python quirks kept on purpose: tombstones
 * are stamped with the *current* feature/project version and a fresh `materialization_id` (so a
 * tombstone of a historical row hides the sample under the current version too), and rows found
 * only in a fallback store get tombstones in this store.
 *
 * Hard: the backend removes the matching rows, restricted to the current feature version unless
 * `withFeatureHistory`.
 *
 * @example
 * await deleteMetadata(ctx, "video/raw", ["video_id = 3"], { soft: false });
 */
export async function deleteMetadata(
  ctx: StoreContext,
  ref: FeatureKeyInput,
  filters: FilterInput | readonly FilterInput[] | null | undefined,
  options: DeleteOptions = {},
): Promise<void> {
  ctx.requireOpen("delete", "w");
  if (isSystemKey(ref)) {
    throw new InvalidArgumentError(`store: delete is not supported for system table "${String(ref)}"`);
  }
  const feature = resolveFeature(ctx.graph, ref);
  const exprs = toFilterList(filters);
  const withFeatureHistory = options.withFeatureHistory === true;
  if (options.soft === false) {
    const scoped = withFeatureHistory
      ? exprs
      : [col(METAXY_FEATURE_VERSION).eq(feature.featureVersion()), ...exprs];
    await ctx.backend.hardDelete(feature.key, scoped.length === 0 ? null : and(...scoped));
    return;
  }
  const timestamp = ctx.nextTimestamp();
  const rows = await ctx.store.read(feature, {
    filters: exprs,
    includeSoftDeleted: false,
    withFeatureHistory,
    withSampleHistory: options.withSampleHistory === true,
    allowFallback: true,
  });
  if (rows.numRows === 0) return;
  const tombstones = withColumn(rows, METAXY_DELETED_AT, timestampVector(timestamp, rows.numRows));
  await writeFeature(ctx, feature, tombstones, { timestamp, keepUpdatedAt: true });
}
