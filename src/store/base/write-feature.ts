import { type ArrowInput, toArrowTable } from "../../arrow/to-arrow-table.js";
import { FeatureKey, type FeatureKeyInput } from "../../models/feature-key.js";
import { versioningContext } from "../../versioning/versioning-context.js";
import type { WriteOptions } from "../metadata-store.js";
import { conformWriteInput } from "./conform-write-input.js";
import { prepareWriteFrame } from "./prepare-write-frame.js";
import { isSystemKey, resolveFeature } from "./resolve-feature.js";
import type { StoreContext } from "./store-backend.js";

/**
 * Write options the template uses internally on top of the public ones.
 *
 * @example
 * const internal: InternalWriteOptions = { timestamp: ts, keepUpdatedAt: true };
 */
export interface InternalWriteOptions extends WriteOptions {
  /** Transaction timestamp to use (a soft delete shares its own); default the next one. */
  readonly timestamp?: bigint;
  /** Keep the frame's `metaxy_updated_at` (soft-delete tombstones). */
  readonly keepUpdatedAt?: boolean;
}

/**
 * `store.write`: needs mode `"w"`. Converts the input (the stored schema's types win), adds the
 * system columns (`prepareWriteFrame`) with one transaction timestamp, and appends. Never touches
 * fallback stores. System keys (`metaxy-system/*`) are appended as given.
 *
 * @example
 * await writeFeature(ctx, "video/raw", rows, { materializationId: "run-1" });
 */
export async function writeFeature(
  ctx: StoreContext,
  ref: FeatureKeyInput,
  data: ArrowInput,
  options: InternalWriteOptions = {},
): Promise<void> {
  ctx.requireOpen("write", "w");
  if (isSystemKey(ref)) {
    await ctx.backend.append(FeatureKey.from(ref), await toArrowTable(data));
    return;
  }
  const feature = resolveFeature(ctx.graph, ref);
  const timestamp = options.timestamp ?? ctx.nextTimestamp();
  const stored = await ctx.backend.readSchema(feature.key);
  const table = await conformWriteInput(data, feature, stored, ctx.enableMapDatatype);
  const rows = prepareWriteFrame(table, feature, {
    timestamp,
    materializationId:
      options.materializationId !== undefined ? options.materializationId : ctx.materializationId,
    preserveFeatureVersion: options.preserveFeatureVersion === true,
    keepUpdatedAt: options.keepUpdatedAt === true,
    ctx: versioningContext(feature.graph, {
      hashAlgorithm: ctx.hashAlgorithm,
      kernels: ctx.kernels,
      enableMapDatatype: ctx.enableMapDatatype,
    }),
  });
  await ctx.backend.append(feature.key, rows);
}
