import { InvalidArgumentError } from "../../errors.js";
import type { FeatureKeyInput } from "../../models/feature-key.js";
import { isSystemKey, resolveFeature } from "./resolve-feature.js";
import type { StoreContext } from "./store-backend.js";

/**
 * `store.dropFeatureMetadata`: needs mode `"w"`; removes every row of the feature, irreversibly.
 * Whether the (empty) table stays is the backend's choice — Python's Delta store keeps it, so
 * fallback lookups stay blocked. Refused for system tables.
 *
 * @example
 * await dropFeatureMetadata(ctx, "video/raw");
 */
export async function dropFeatureMetadata(ctx: StoreContext, ref: FeatureKeyInput): Promise<void> {
  ctx.requireOpen("dropFeatureMetadata", "w");
  if (isSystemKey(ref)) {
    throw new InvalidArgumentError(
      `store: dropFeatureMetadata is not allowed for system table "${String(ref)}"`,
    );
  }
  await ctx.backend.drop(resolveFeature(ctx.graph, ref).key);
}
