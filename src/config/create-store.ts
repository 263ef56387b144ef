import { InvalidConfigError } from "../errors.js";
import type { FeatureGraph } from "../models/feature-graph.js";
import type { MetadataStore } from "../store/metadata-store.js";
import type { MetaxyConfig } from "./metaxy-config.js";
import type { StoreKind } from "./types.js";

/**
 * Where each store kind's class lives (relative to this file) and its export name. Backends are
 * imported only when a command needs one, so the CLI never loads a backend it does not use.
 *
 * @example
 * STORE_MODULES.delta.exportName; // "DeltaMetadataStore"
 */
export const STORE_MODULES: Readonly<
  Record<StoreKind, { readonly module: string; readonly exportName: string }>
> = Object.freeze({
  memory: { module: "../store/memory/in-memory-metadata-store.js", exportName: "InMemoryMetadataStore" },
  delta: { module: "../store/delta-store/delta-metadata-store.js", exportName: "DeltaMetadataStore" },
});

type StoreConstructor = new (options: Record<string, unknown>) => MetadataStore;

/**
 * Builds a configured store (default: the config's `store`) over `graph`: resolves it with
 * `config.resolveStore`, builds its fallback stores the same way, imports the backend module of its
 * kind and calls the constructor with the resolved options plus `{ name, graph, fallbackStores }`.
 *
 * @example
 * const store = await createStore(config, graph, "prod");
 * await store.withOpen("r", (s) => s.read("video/raw"));
 */
export async function createStore(
  config: MetaxyConfig,
  graph: FeatureGraph,
  name?: string,
  extra: { readonly materializationId?: string } = {},
): Promise<MetadataStore> {
  const resolved = config.resolveStore(name, extra);
  const fallbackStores: MetadataStore[] = [];
  for (const fallback of resolved.options.fallbackStores) {
    fallbackStores.push(await createStore(config, graph, fallback));
  }
  const Store = await storeClass(resolved.kind);
  const { fallbackStores: _names, versioningEngine: _engine, ...options } = resolved.options;
  return new Store({ ...options, name: resolved.name, graph, fallbackStores });
}

async function storeClass(kind: StoreKind): Promise<StoreConstructor> {
  const { module, exportName } = STORE_MODULES[kind];
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(module)) as Record<string, unknown>;
  } catch (cause) {
    throw new InvalidConfigError(
      `config: the ${kind} store backend (${module}) cannot be loaded: ${(cause as Error).message}`,
      { cause },
    );
  }
  const Store = loaded[exportName];
  if (typeof Store !== "function") {
    throw new InvalidConfigError(
      `config: the ${kind} store backend (${module}) does not export ${exportName}`,
    );
  }
  return Store as StoreConstructor;
}
