import type { StoreKind } from "./types.js";

/**
 * The `type` strings accepted for each store kind: Python Metaxy's class paths (current, deprecated
 * and pre-0.1 ones, so an existing metaxy.toml works unchanged) and our short names.
 *
 * @example
 * STORE_TYPES.delta.includes("metaxy.ext.polars.handlers.delta.DeltaMetadataStore"); // true
 */
export const STORE_TYPES: Readonly<Record<StoreKind, readonly string[]>> = Object.freeze({
  delta: Object.freeze([
    "delta",
    "metaxy.ext.polars.handlers.delta.DeltaMetadataStore",
    "metaxy.ext.polars.DeltaMetadataStore",
    "metaxy.ext.metadata_stores.delta.DeltaMetadataStore",
    "metaxy.metadata_store.delta.DeltaMetadataStore",
    "DeltaMetadataStore",
  ]),
  memory: Object.freeze([
    "memory",
    "metaxy.InMemoryMetadataStore",
    "metaxy.metadata_store.InMemoryMetadataStore",
    "metaxy.metadata_store.memory.InMemoryMetadataStore",
    "InMemoryMetadataStore",
  ]),
});

/**
 * The kind a store `type` names, or null for a store this port does not implement (DuckDB,
 * ClickHouse, Iceberg, ...).
 *
 * @example
 * storeKindOf("metaxy.ext.polars.DeltaMetadataStore"); // "delta"
 * storeKindOf("metaxy.ext.duckdb.DuckDBMetadataStore"); // null
 */
export function storeKindOf(type: string): StoreKind | null {
  for (const kind of Object.keys(STORE_TYPES) as StoreKind[]) {
    if (STORE_TYPES[kind].includes(type)) return kind;
  }
  return null;
}
