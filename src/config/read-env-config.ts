import { configError, type EnvLayer } from "./config-sources.js";
import { deepMerge } from "./merge-config.js";
import { isTable, type RawTable } from "./raw-table.js";

/** Settings a `METAXY_<FIELD>` variable may set (`config`, `extend` and `entrypoint*` are not fields here). */
const ENV_FIELDS = new Set([
  "project",
  "store",
  "stores",
  "theme",
  "ext",
  "hash_truncation_length",
  "enable_map_datatype",
  "auto_create_tables",
  "locked",
  "sync",
  "extra_features",
  "metaxy_lock_path",
]);

/** Fields holding tables or lists: their whole value is JSON, and tables take `__` nesting. */
const COMPLEX_FIELDS = new Set(["stores", "ext", "extra_features"]);
const NESTABLE_FIELDS = new Set(["stores", "ext"]);

/**
 * Reads `METAXY_*` variables the way pydantic-settings does for Python's `MetaxyConfig`: names are
 * case-insensitive, `__` nests (`METAXY_STORES__DEV__CONFIG__ROOT_PATH` → `stores.dev.config.root_path`,
 * keys lower-cased), a whole table or list field is JSON, a nested value that looks like JSON
 * (`[...]`, `{...}`) is parsed, every other value stays a string for the field validators to coerce.
 * Variables naming no field (`METAXY_CONFIG`, `METAXY_LOG_LEVEL`, ...) are ignored.
 *
 * @example
 * readEnvConfig({ METAXY_STORE: "prod", METAXY_STORES__PROD__CONFIG__ROOT_PATH: "s3://b/m" }).data;
 * // { store: "prod", stores: { prod: { config: { root_path: "s3://b/m" } } } }
 */
export function readEnvConfig(env: Readonly<Record<string, string | undefined>>): EnvLayer {
  const settings: { name: string; path: string[]; value: string }[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (!lower.startsWith("metaxy_") || lower.startsWith("metaxy_entrypoint")) continue;
    const path = lower.slice("metaxy_".length).split("__");
    const field = path[0]!;
    if (!ENV_FIELDS.has(field) || path.some((segment) => segment === "")) continue;
    if (path.length > 1 && !NESTABLE_FIELDS.has(field)) continue;
    settings.push({ name, path, value });
  }
  // Shallow settings first, so `METAXY_STORES__DEV__TYPE` lands inside a JSON `METAXY_STORES`.
  settings.sort((a, b) => a.path.length - b.path.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  let data: RawTable = {};
  for (const { name, path, value } of settings) {
    data = deepMerge(data, nest(path, parseValue(name, path, value)));
  }
  return { data, origins: settings.map(({ name, path }) => ({ name, path })) };
}

function parseValue(name: string, path: readonly string[], value: string): unknown {
  if (path.length === 1 && COMPLEX_FIELDS.has(path[0]!)) {
    try {
      return JSON.parse(value);
    } catch (cause) {
      throw configError(
        `environment variable ${name}`,
        [path[0]!],
        `must be JSON, got ${JSON.stringify(value)}`,
        {
          cause,
        },
      );
    }
  }
  if (path.length > 1 && /^\s*[[{]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

function nest(path: readonly string[], value: unknown): RawTable {
  let out: unknown = value;
  for (let i = path.length - 1; i >= 0; i--) out = { [path[i]!]: out };
  return isTable(out) ? out : {};
}

/**
 * Entry points listed in `METAXY_ENTRYPOINT*` variables (comma-separated, or a JSON list), in the
 * order of the variable names, as Python's `load_env_entrypoints` reads them.
 *
 * @example
 * readEnvEntrypoints({ METAXY_ENTRYPOINT: "./a.ts, ./b.ts" });
 * // [{ name: "METAXY_ENTRYPOINT", entries: ["./a.ts", "./b.ts"] }]
 */
export function readEnvEntrypoints(
  env: Readonly<Record<string, string | undefined>>,
): { readonly name: string; readonly entries: readonly string[] }[] {
  const names = Object.keys(env)
    .filter((name) => name.startsWith("METAXY_ENTRYPOINT") && env[name] !== undefined)
    .sort();
  return names.map((name) => {
    const value = env[name]!;
    if (/^\s*\[/.test(value)) {
      try {
        const parsed: unknown = JSON.parse(value);
        if (Array.isArray(parsed) && parsed.every((item) => typeof item === "string")) {
          return { name, entries: parsed.map((item: string) => item.trim()).filter((item) => item !== "") };
        }
      } catch {
        // Not JSON after all: read it as a comma-separated list below.
      }
    }
    return {
      name,
      entries: value
        .split(",")
        .map((item) => item.trim())
        .filter((item) => item !== ""),
    };
  });
}
