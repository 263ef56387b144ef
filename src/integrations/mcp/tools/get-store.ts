import type { McpContext } from "../mcp-context.js";

/**
 * The `get_store` tool: the display string of a configured store (no credentials). Unknown names
 * throw InvalidConfigError.
 *
 * @example
 * await getStoreTool(ctx, { store_name: "dev" }); // "[dev] DeltaMetadataStore(path=/data/metaxy)"
 */
export async function getStoreTool(ctx: McpContext, args: { readonly store_name: string }): Promise<string> {
  return (await ctx.store(args.store_name)).display();
}
