import { isTable, type RawTable } from "./raw-table.js";

/**
 * Merges a child config file over the file it extends, with Python Metaxy's rule: scalars from the
 * child win, tables are merged one level deep (a child's `[stores.dev]` replaces the parent's
 * `[stores.dev]` as a whole), lists are concatenated parent-first.
 *
 * @example
 * mergeExtended({ entrypoints: ["a"], stores: { dev: {}, prod: {} } }, { entrypoints: ["b"], stores: { dev: { type: "x" } } });
 * // { entrypoints: ["a", "b"], stores: { dev: { type: "x" }, prod: {} } }
 */
export function mergeExtended(parent: RawTable, child: RawTable): RawTable {
  const merged: RawTable = { ...parent };
  for (const [key, childValue] of Object.entries(child)) {
    const parentValue = Object.hasOwn(parent, key) ? parent[key] : undefined;
    if (isTable(childValue) && isTable(parentValue)) merged[key] = { ...parentValue, ...childValue };
    else if (Array.isArray(childValue) && Array.isArray(parentValue))
      merged[key] = [...parentValue, ...childValue];
    else merged[key] = childValue;
  }
  return merged;
}

/**
 * Merges a higher-precedence source over a lower one the way pydantic-settings combines init
 * arguments, environment and file: tables recursively, everything else (lists included) replaced.
 *
 * @example
 * deepMerge({ stores: { dev: { type: "delta", config: { root_path: "a" } } } }, { stores: { dev: { config: { root_path: "b" } } } });
 * // { stores: { dev: { type: "delta", config: { root_path: "b" } } } }
 */
export function deepMerge(lower: RawTable, higher: RawTable): RawTable {
  const merged: RawTable = { ...lower };
  for (const [key, value] of Object.entries(higher)) {
    const current = Object.hasOwn(lower, key) ? lower[key] : undefined;
    merged[key] = isTable(value) && isTable(current) ? deepMerge(current, value) : value;
  }
  return merged;
}
