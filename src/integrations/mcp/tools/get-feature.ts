import type { FeatureSpecJSON } from "../../../models/feature-spec.js";
import type { McpContext } from "../mcp-context.js";

/**
 * The `get_feature` tool: the feature's spec in Python's `model_dump(mode="json")` form. Throws
 * FeatureNotFoundError for unknown keys (InvalidKeyError for malformed ones).
 *
 * @example
 * getFeatureTool(ctx, { feature_key: "video/raw" }); // { key: "video/raw", id_columns: ["video_id"], ... }
 */
export function getFeatureTool(ctx: McpContext, args: { readonly feature_key: string }): FeatureSpecJSON {
  return ctx.graph.get(args.feature_key).spec.toJSON();
}
