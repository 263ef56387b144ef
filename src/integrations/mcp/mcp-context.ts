import type { MetaxyConfig } from "../../config/metaxy-config.js";
import type { FeatureGraph } from "../../models/feature-graph.js";
import type { MetadataStore } from "../../store/metadata-store.js";

/**
 * What the MCP tools work with: the configuration, the feature graph of its entrypoints, and a way
 * to build a configured store (closed; tools open it for reading).
 *
 * @example
 * const ctx: McpContext = { config, graph, store: async () => new InMemoryMetadataStore({ graph }) };
 */
export interface McpContext {
  readonly config: MetaxyConfig;
  readonly graph: FeatureGraph;
  /** Builds the store configured under `name`. */
  store(name: string): Promise<MetadataStore>;
}

/**
 * Loads a fresh {@link McpContext}. The server calls it for every tool call, so configuration
 * changes are picked up without a restart (as Python's server reloads per call).
 *
 * @example
 * const loadContext: McpContextLoader = async () => ({ config, graph, store: async () => store });
 */
export type McpContextLoader = () => Promise<McpContext>;
