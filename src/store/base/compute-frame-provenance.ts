import type { Table } from "apache-arrow";
import { type ArrowInput, toArrowTable } from "../../arrow/to-arrow-table.js";
import type { FeatureKeyInput } from "../../models/feature-key.js";
import { customProvenance } from "../../versioning/compute-provenance.js";
import { versioningContext } from "../../versioning/versioning-context.js";
import { resolveFeature } from "./resolve-feature.js";
import type { StoreContext } from "./store-backend.js";

/**
 * `store.computeProvenance` (Python `compute_provenance`): the versioning engine's
 * `customProvenance` with the store's hash algorithm, kernels and by-field type, for frames the
 * caller joined itself (they must hold every upstream's `metaxy_data_version_by_field__<suffix>`).
 * Needs no open store: nothing is read.
 *
 * @example
 * const out = await computeFrameProvenance(ctx, "video/faces", joinedRows);
 */
export async function computeFrameProvenance(
  ctx: StoreContext,
  ref: FeatureKeyInput,
  frame: ArrowInput,
): Promise<Table> {
  const feature = resolveFeature(ctx.graph, ref);
  const vctx = versioningContext(feature.graph, {
    hashAlgorithm: ctx.hashAlgorithm,
    kernels: ctx.kernels,
    enableMapDatatype: ctx.enableMapDatatype,
  });
  const table = await toArrowTable(frame, { enableMapDatatype: ctx.enableMapDatatype });
  return customProvenance(feature.plan(), table, vctx);
}
