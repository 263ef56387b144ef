import type { McpContext } from "../mcp-context.js";

/**
 * The `get_config` tool: the configuration as Python's `model_dump(mode="json")` plus `config_file`
 * (absolute path, or null).
 *
 * @example
 * getConfigTool(ctx); // { project: "demo", store: "dev", stores: {...}, ..., config_file: "/repo/metaxy.toml" }
 */
export function getConfigTool(ctx: McpContext): Record<string, unknown> {
  return { ...ctx.config.toJSON(), config_file: ctx.config.configFile };
}
