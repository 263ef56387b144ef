import { DEFAULT_HASH_TRUNCATION_LENGTH } from "../constants.js";
import { rejectUnknownKeys, toBool, toInt, toStr, toStrList, toTable } from "./coerce.js";
import type { ConfigSources } from "./config-sources.js";
import { deepFreeze, type KeyPath, type RawTable } from "./raw-table.js";
import type { ExtraFeatureSelection, PluginConfig, StoreConfig } from "./types.js";
import { validateProjectName } from "./validate-project-name.js";
import { validateStores } from "./validate-stores.js";

/**
 * Python `MetaxyConfig`'s field names (pydantic-settings forbids any other top-level key).
 *
 * @example
 * CONFIG_KEYS.includes("hash_truncation_length"); // true
 */
export const CONFIG_KEYS = [
  "project",
  "store",
  "stores",
  "entrypoints",
  "theme",
  "ext",
  "hash_truncation_length",
  "enable_map_datatype",
  "auto_create_tables",
  "locked",
  "sync",
  "extra_features",
  "metaxy_lock_path",
] as const;

/**
 * The validated settings, camelCase, with Python's defaults filled in.
 *
 * @example
 * const fields: ConfigFields = validateConfig({}, sources, []); // fields.store === "dev"
 */
export interface ConfigFields {
  readonly project: string | null;
  readonly store: string;
  readonly stores: Readonly<Record<string, StoreConfig>>;
  readonly entrypoints: readonly string[];
  readonly theme: string;
  readonly ext: Readonly<Record<string, PluginConfig>>;
  readonly hashTruncationLength: number;
  readonly enableMapDatatype: boolean;
  readonly autoCreateTables: boolean;
  readonly locked: boolean | null;
  readonly sync: boolean;
  readonly extraFeatures: readonly ExtraFeatureSelection[];
  readonly metaxyLockPath: string | null;
}

/**
 * Validates the merged settings (file chain, variables, overrides) into `ConfigFields`. Values are
 * coerced like pydantic's lax mode (`"1"` → true, `"12"` → 12); warnings are appended to `warnings`.
 *
 * @example
 * validateConfig({ hash_truncation_length: "12" }, sources, []).hashTruncationLength; // 12
 */
export function validateConfig(raw: RawTable, sources: ConfigSources, warnings: string[]): ConfigFields {
  rejectUnknownKeys(sources, [], raw, CONFIG_KEYS);
  const get = (key: string): unknown => (Object.hasOwn(raw, key) ? raw[key] : undefined);
  const nullable = <T>(key: string, read: (path: KeyPath, value: unknown) => T): T | null => {
    const value = get(key);
    return value === undefined || value === null ? null : read([key], value);
  };
  const orDefault = <T>(key: string, fallback: T, read: (path: KeyPath, value: unknown) => T): T => {
    const value = get(key);
    return value === undefined ? fallback : read([key], value);
  };
  const str = (path: KeyPath, value: unknown) => toStr(sources, path, value);
  const bool = (path: KeyPath, value: unknown) => toBool(sources, path, value);

  return Object.freeze({
    project: nullable("project", (path, value) => validateProjectName(sources, path, str(path, value))),
    store: orDefault("store", "dev", str),
    stores: orDefault("stores", {}, (path, value) => validateStores(sources, path, value, warnings)),
    entrypoints: orDefault("entrypoints", [], (path, value) => toStrList(sources, path, value)),
    theme: orDefault("theme", "default", str),
    ext: orDefault("ext", {}, (path, value) => validateExt(sources, path, value)),
    hashTruncationLength: orDefault("hash_truncation_length", DEFAULT_HASH_TRUNCATION_LENGTH, (path, value) =>
      toInt(sources, path, value, DEFAULT_HASH_TRUNCATION_LENGTH),
    ),
    enableMapDatatype: orDefault("enable_map_datatype", false, bool),
    autoCreateTables: orDefault("auto_create_tables", false, bool),
    locked: nullable("locked", bool),
    sync: orDefault("sync", true, bool),
    extraFeatures: orDefault("extra_features", [], (path, value) =>
      validateExtraFeatures(sources, path, value),
    ),
    metaxyLockPath: nullable("metaxy_lock_path", str),
  });
}

function validateExt(
  sources: ConfigSources,
  path: KeyPath,
  value: unknown,
): Readonly<Record<string, PluginConfig>> {
  const ext: Record<string, PluginConfig> = {};
  for (const [name, entry] of Object.entries(toTable(sources, path, value))) {
    const table = toTable(sources, [...path, name], entry);
    const enable = Object.hasOwn(table, "enable")
      ? toBool(sources, [...path, name, "enable"], table.enable)
      : false;
    ext[name] = deepFreeze({ ...structuredClone(table), enable });
  }
  return Object.freeze(ext);
}

function validateExtraFeatures(
  sources: ConfigSources,
  path: KeyPath,
  value: unknown,
): readonly ExtraFeatureSelection[] {
  if (!Array.isArray(value)) {
    throw sources.error(path, "must be a list of tables ([[extra_features]] with projects, keys or all)");
  }
  return Object.freeze(
    value.map((entry, i) => {
      const entryPath = [...path, i];
      const table = toTable(sources, entryPath, entry);
      rejectUnknownKeys(sources, entryPath, table, ["projects", "keys", "all"]);
      const list = (key: string) =>
        table[key] === undefined || table[key] === null
          ? null
          : toStrList(sources, [...entryPath, key], table[key]);
      const projects = list("projects");
      const keys = list("keys");
      const all =
        table.all === undefined || table.all === null
          ? null
          : toBool(sources, [...entryPath, "all"], table.all);
      if (
        all !== true &&
        (projects === null || projects.length === 0) &&
        (keys === null || keys.length === 0)
      ) {
        throw sources.error(entryPath, 'at least one of "projects", "keys", or "all" must be specified');
      }
      return Object.freeze({ projects, keys, all });
    }),
  );
}
