import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { McpSdk } from "./load-mcp-sdk.js";
import type { McpContext, McpContextLoader } from "./mcp-context.js";
import { toolResult } from "./tool-result.js";
import { getConfigTool } from "./tools/get-config.js";
import { getFeatureTool } from "./tools/get-feature.js";
import { type GetMetadataArgs, getMetadataTool } from "./tools/get-metadata.js";
import { getStoreTool } from "./tools/get-store.js";
import { type ListFeaturesArgs, listFeaturesTool } from "./tools/list-features.js";
import { listStoresTool } from "./tools/list-stores.js";

/**
 * Registers the six tools of Python Metaxy's MCP server (`get_config`, `list_features`,
 * `get_feature`, `list_stores`, `get_store`, `get_metadata`) with zod input schemas carrying
 * Python's parameter names and defaults. Every call loads a fresh context; a thrown error becomes
 * an `isError` result holding its message.
 *
 * @example
 * registerTools(server, sdk.z, defaultContextLoader({ cwd }));
 */
export function registerTools(server: McpServer, z: McpSdk["z"], load: McpContextLoader): void {
  const run =
    <A>(tool: (ctx: McpContext, args: A) => unknown) =>
    async (args: A) =>
      toolResult(await tool(await load(), args));
  const featureKey = z.string().describe('Feature key in slash notation, e.g. "video/processing"');
  const flag = (value: boolean, text: string) => z.boolean().default(value).describe(text);

  server.registerTool(
    "get_config",
    { description: "Get the current Metaxy configuration as JSON (plus config_file)." },
    run((ctx) => getConfigTool(ctx)),
  );
  server.registerTool(
    "list_features",
    {
      description:
        "List all features with versions and fields (the shape of `metaxy list features --format json`).",
      inputSchema: {
        project: z.string().nullable().optional().describe("Only features of this project"),
        verbose: flag(false, "Include resolved field dependencies and feature dependencies"),
      },
    },
    run<ListFeaturesArgs>(listFeaturesTool),
  );
  server.registerTool(
    "get_feature",
    { description: "Get the complete specification of a feature.", inputSchema: { feature_key: featureKey } },
    run<{ feature_key: string }>(getFeatureTool),
  );
  server.registerTool(
    "list_stores",
    { description: "List the configured metadata stores with their types." },
    run((ctx) => listStoresTool(ctx)),
  );
  server.registerTool(
    "get_store",
    {
      description: "Get the display string of a configured metadata store.",
      inputSchema: { store_name: z.string().describe("Name of a configured store") },
    },
    run<{ store_name: string }>(getStoreTool),
  );
  server.registerTool(
    "get_metadata",
    {
      description: "Query the metadata rows of a feature from a store.",
      inputSchema: {
        feature_key: featureKey,
        store_name: z.string().describe("Name of the metadata store to read from"),
        columns: z.array(z.string()).nullable().optional().describe("Columns to select (default: all)"),
        filters: z
          .array(z.string())
          .nullable()
          .optional()
          .describe('SQL-like filter expressions, e.g. "column > 5", "name = \'foo\'"'),
        with_feature_history: flag(false, "Include rows of other feature versions"),
        with_sample_history: flag(false, "Include every stored row per sample, not only the latest"),
        include_soft_deleted: flag(false, "Include soft-deleted rows"),
        allow_fallback: flag(true, "Look in fallback stores when the feature is not in this store"),
        sort_by: z.array(z.string()).nullable().optional().describe("Columns to sort by"),
        descending: z
          .union([z.boolean(), z.array(z.boolean())])
          .default(false)
          .describe("Sort descending: one flag for all sort columns, or one per column"),
        limit: z.number().int().min(0).default(50).describe("Maximum number of rows to return"),
      },
    },
    run<GetMetadataArgs>(getMetadataTool),
  );
}
