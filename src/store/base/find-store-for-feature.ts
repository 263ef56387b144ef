import { FeatureKey, type FeatureKeyInput } from "../../models/feature-key.js";
import type { HasFeatureOptions, MetadataStore } from "../metadata-store.js";
import { isSystemKey, resolveFeature } from "./resolve-feature.js";
import type { StoreContext } from "./store-backend.js";

/**
 * The first store of the chain that has the feature's table: this store, then (with
 * `checkFallback`) each fallback in order, depth first; null when none has it. "Has" means the
 * table exists, even empty (Python `has_feature`).
 *
 * @example
 * const holder = await findStoreForFeature(ctx, "video/raw", { checkFallback: true });
 */
export async function findStoreForFeature(
  ctx: StoreContext,
  ref: FeatureKeyInput,
  options: HasFeatureOptions = {},
): Promise<MetadataStore | null> {
  ctx.requireOpen("hasFeature", "r");
  const feature = isSystemKey(ref) ? null : resolveFeature(ctx.graph, ref);
  const key = feature?.key ?? FeatureKey.from(ref);
  if (await ctx.backend.exists(key)) return ctx.store;
  if (options.checkFallback !== true) return null;
  for (const fallback of ctx.fallbackStores) {
    const found = await fallback.withOpen("r", (s) =>
      s.findStoreForFeature(feature ?? key, { checkFallback: true }),
    );
    if (found !== null) return found;
  }
  return null;
}
