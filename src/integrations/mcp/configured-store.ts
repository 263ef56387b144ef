import type { MetaxyConfig } from "../../config/metaxy-config.js";
import type { FeatureGraph } from "../../models/feature-graph.js";
import type { MetadataStore } from "../../store/metadata-store.js";

/**
 * Builds the store configured under `name` (default: the config's store) over `graph`, with its
 * fallback stores built the same way. The backend module is imported on first use, so the server
 * never loads a backend it does not need. Unknown names and invalid entries throw
 * InvalidConfigError (from `config.resolveStore`).
 *
 * @example
 * const store = await configuredStore(config, graph, "dev");
 * store.display(); // "[dev] DeltaMetadataStore(path=/data/metaxy)"
 */
export async function configuredStore(
  config: MetaxyConfig,
  graph: FeatureGraph,
  name?: string,
): Promise<MetadataStore> {
  const resolved = config.resolveStore(name);
  const fallbackStores: MetadataStore[] = [];
  for (const fallback of resolved.options.fallbackStores) {
    fallbackStores.push(await configuredStore(config, graph, fallback));
  }
  const common = { name: resolved.name, graph, fallbackStores };
  if (resolved.kind === "delta") {
    const { fallbackStores: _names, versioningEngine: _engine, ...options } = resolved.options;
    const { DeltaMetadataStore } = await import("../../store/delta-store/delta-metadata-store.js");
    return new DeltaMetadataStore({ ...options, ...common });
  }
  const { fallbackStores: _names, versioningEngine: _engine, ...options } = resolved.options;
  const { InMemoryMetadataStore } = await import("../../store/memory/in-memory-metadata-store.js");
  return new InMemoryMetadataStore({ ...options, ...common });
}
