import { stringify } from "smol-toml";
import { isTable } from "./raw-table.js";
import type { ConfigFields } from "./validate-config.js";

/**
 * The effective configuration in Python's `model_dump(mode="json")` form: snake_case keys in
 * `MetaxyConfig`'s field order, unset values as `null`. `extend` is always `null` because the chain
 * is already merged in (printing it again would apply the parent twice), as in Python.
 *
 * @example
 * configToJSON(fields).hash_truncation_length; // 8
 */
export function configToJSON(fields: ConfigFields): Record<string, unknown> {
  return dumpConfig(fields, jsonValue);
}

/**
 * The effective configuration as TOML (Python's `to_toml`: the dumped form without `null`s), ready to
 * be saved as a metaxy.toml. Integers beyond 2^53 stay exact.
 *
 * @example
 * configToTOML(fields); // 'store = "dev"\nentrypoints = []\n...'
 */
export function configToTOML(fields: ConfigFields): string {
  return stringify(withoutNulls(dumpConfig(fields, (value) => structuredClone(value))));
}

function dumpConfig(fields: ConfigFields, leaf: (value: unknown) => unknown): Record<string, unknown> {
  const stores: Record<string, unknown> = {};
  for (const [name, store] of Object.entries(fields.stores)) {
    stores[name] = { type: store.type, config: leaf(store.config) };
  }
  const ext: Record<string, unknown> = {};
  for (const [name, { enable, ...rest }] of Object.entries(fields.ext)) {
    ext[name] = { enable, ...(leaf(rest) as Record<string, unknown>) };
  }
  return {
    store: fields.store,
    stores,
    extend: null,
    entrypoints: [...fields.entrypoints],
    theme: fields.theme,
    ext,
    hash_truncation_length: fields.hashTruncationLength,
    enable_map_datatype: fields.enableMapDatatype,
    auto_create_tables: fields.autoCreateTables,
    project: fields.project,
    locked: fields.locked,
    sync: fields.sync,
    extra_features: fields.extraFeatures.map((s) => ({
      projects: s.projects === null ? null : [...s.projects],
      keys: s.keys === null ? null : [...s.keys],
      all: s.all,
    })),
    metaxy_lock_path: fields.metaxyLockPath,
  };
}

/** Deep copy as JSON-safe data: bigints become numbers when exact, else strings; dates ISO strings. */
function jsonValue(value: unknown): unknown {
  if (typeof value === "bigint") {
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(jsonValue);
  if (isTable(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = jsonValue(item);
    return out;
  }
  return value;
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== null).map(withoutNulls);
  if (isTable(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== null) out[key] = withoutNulls(item);
    return out;
  }
  return value;
}
