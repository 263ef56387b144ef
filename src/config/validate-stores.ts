import { rejectUnknownKeys, toStr, toTable } from "./coerce.js";
import type { ConfigSources } from "./config-sources.js";
import { deepFreeze, isTable, type KeyPath, type RawTable } from "./raw-table.js";
import type { StoreConfig } from "./types.js";

/** Keys that belong under `[stores.<name>.config]`; seen one level too high, they earn a hint. */
const STORE_SETTING_KEYS = new Set([
  "root_path",
  "storage_options",
  "layout",
  "delta_write_options",
  "fallback_stores",
  "hash_algorithm",
  "versioning_engine",
  "enable_map_datatype",
]);

/** Python's store-level keys (`StoreConfig` has `extra="forbid"`). */
const STORE_KEYS = ["type", "config"];

/**
 * Checks the `[stores]` table entry by entry (Python's `StoreConfig`): only `type` and `config` are
 * allowed, `type` is a string, `config` a table. An entry without `type` (typically half-set by
 * `METAXY_STORES__X__CONFIG__...` variables) is dropped with a warning, as in Python.
 *
 * @example
 * validateStores(sources, ["stores"], { dev: { type: "delta", config: { root_path: "./m" } } }, warnings);
 * // { dev: { type: "delta", config: { root_path: "./m" } } }
 */
export function validateStores(
  sources: ConfigSources,
  path: KeyPath,
  value: unknown,
  warnings: string[],
): Readonly<Record<string, StoreConfig>> {
  const stores: Record<string, StoreConfig> = {};
  for (const [name, entry] of Object.entries(toTable(sources, path, value))) {
    const entryPath = [...path, name];
    const table = toTable(sources, entryPath, entry);
    const misplaced = Object.keys(table).filter((key) => STORE_SETTING_KEYS.has(key));
    const hint =
      misplaced.length > 0
        ? `. Store settings go under [stores.${name}.config], not directly under [stores.${name}] ` +
          `(e.g. [stores.${name}.config] ${misplaced[0]} = ...)`
        : "";
    rejectUnknownKeys(sources, entryPath, table, STORE_KEYS, hint);
    if (!Object.hasOwn(table, "type")) {
      const fields = collectKeys(table);
      warnings.push(
        `config: ignoring incomplete store config "${name}": missing required "type" field` +
          `${fields.length > 0 ? ` (has fields: ${fields.join(", ")})` : ""}. ` +
          "This is typically caused by environment variables.",
      );
      continue;
    }
    const type = toStr(sources, [...entryPath, "type"], table.type);
    if (type.trim() === "") throw sources.error([...entryPath, "type"], "must not be empty");
    const config = Object.hasOwn(table, "config")
      ? toTable(sources, [...entryPath, "config"], table.config)
      : {};
    stores[name] = Object.freeze({ type, config: deepFreeze(structuredClone(config)) });
  }
  return Object.freeze(stores);
}

/** Dotted paths of every key in a table (for the incomplete-store warning). */
function collectKeys(table: RawTable, prefix = ""): string[] {
  const keys: string[] = [];
  for (const [key, value] of Object.entries(table)) {
    const full = prefix === "" ? key : `${prefix}.${key}`;
    keys.push(full);
    if (isTable(value)) keys.push(...collectKeys(value, full));
  }
  return keys;
}
