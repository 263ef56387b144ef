import { isTable, type RawTable } from "./raw-table.js";

/** `${VAR}` or `${VAR:-default}`, the same pattern Python Metaxy uses. */
const PLACEHOLDER = /\$\{([^}:]+)(?::-([^}]*))?\}/g;

/**
 * Expands `${VAR}` and `${VAR:-default}` in every string of a raw config tree (keys are left alone).
 * A set variable wins even when empty; an unset one takes the default, or becomes `""`.
 *
 * @example
 * expandEnvVars({ root_path: "${DATA:-./data}/metaxy" }, {}); // { root_path: "./data/metaxy" }
 */
export function expandEnvVars(table: RawTable, env: Readonly<Record<string, string | undefined>>): RawTable {
  return expandValue(table, env) as RawTable;
}

function expandValue(value: unknown, env: Readonly<Record<string, string | undefined>>): unknown {
  if (typeof value === "string") {
    return value.replace(PLACEHOLDER, (_match, name: string, fallback: string | undefined) => {
      const set = Object.hasOwn(env, name) ? env[name] : undefined;
      return set ?? fallback ?? "";
    });
  }
  if (Array.isArray(value)) return value.map((item) => expandValue(item, env));
  if (isTable(value)) {
    const out: RawTable = {};
    for (const [key, item] of Object.entries(value)) out[key] = expandValue(item, env);
    return out;
  }
  return value;
}
