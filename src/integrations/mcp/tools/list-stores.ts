import type { McpContext } from "../mcp-context.js";

/**
 * The `list_stores` tool: every configured store with its `type` as written in the config.
 *
 * @example
 * listStoresTool(ctx); // [{ name: "dev", type: "metaxy.ext.polars.DeltaMetadataStore" }]
 */
export function listStoresTool(ctx: McpContext): { name: string; type: string }[] {
  return Object.entries(ctx.config.stores).map(([name, store]) => ({ name, type: store.type }));
}
