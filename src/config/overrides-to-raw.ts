import { isTable, type RawTable } from "./raw-table.js";
import type { ConfigOverrides } from "./types.js";

/** camelCase override names → Python's field names. */
const FIELD_NAMES: Readonly<Record<keyof ConfigOverrides, string>> = {
  project: "project",
  store: "store",
  stores: "stores",
  entrypoints: "entrypoints",
  theme: "theme",
  ext: "ext",
  hashTruncationLength: "hash_truncation_length",
  enableMapDatatype: "enable_map_datatype",
  autoCreateTables: "auto_create_tables",
  locked: "locked",
  sync: "sync",
  extraFeatures: "extra_features",
  metaxyLockPath: "metaxy_lock_path",
};

/**
 * Turns programmatic overrides into the raw snake_case shape of the file (`undefined` dropped, values
 * copied). Unknown names are kept as written so validation reports them.
 *
 * @example
 * overridesToRaw({ hashTruncationLength: 12, store: undefined }); // { hash_truncation_length: 12 }
 */
export function overridesToRaw(overrides: ConfigOverrides | undefined): RawTable {
  const raw: RawTable = {};
  if (overrides === undefined) return raw;
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const name = Object.hasOwn(FIELD_NAMES, key) ? FIELD_NAMES[key as keyof ConfigOverrides] : key;
    raw[name] = isTable(value) || Array.isArray(value) ? structuredClone(value) : value;
  }
  return raw;
}
