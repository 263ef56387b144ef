import type { ConfigSources } from "./config-sources.js";
import { isTable, type KeyPath, type RawTable } from "./raw-table.js";

/** The spellings pydantic's lax mode reads as booleans (values from variables are strings). */
const TRUE_WORDS = new Set(["1", "true", "t", "yes", "y", "on"]);
const FALSE_WORDS = new Set(["0", "false", "f", "no", "n", "off"]);

/**
 * Renders a raw value for an error message.
 *
 * @example
 * show("x"); // '"x"'
 * show(12n); // "12"
 */
export function show(value: unknown): string {
  if (typeof value === "bigint") return `${value}`;
  if (value instanceof Date) return value.toISOString();
  if (isTable(value)) return "a table";
  try {
    return (
      JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? `${item}` : item)) ??
      String(value)
    );
  } catch {
    return String(value);
  }
}

/**
 * A boolean setting: TOML booleans, 0/1, or the usual words (`"true"`, `"1"`, `"off"`...).
 *
 * @example
 * toBool(sources, ["sync"], "0"); // false
 */
export function toBool(sources: ConfigSources, path: KeyPath, value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (value === 0 || value === 1) return value === 1;
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  throw sources.error(path, `must be a boolean (true/false, 1/0), got ${show(value)}`);
}

/**
 * An integer setting: TOML integers (or floats without a fraction) and decimal strings.
 *
 * @example
 * toInt(sources, ["hash_truncation_length"], "12", 8); // 12
 */
export function toInt(sources: ConfigSources, path: KeyPath, value: unknown, min?: number): number {
  let n: number | undefined;
  if (typeof value === "number" && Number.isSafeInteger(value)) n = value;
  else if (typeof value === "bigint") n = undefined;
  else if (typeof value === "string" && /^\s*[+-]?\d+\s*$/.test(value)) {
    const parsed = Number(value.trim());
    if (Number.isSafeInteger(parsed)) n = parsed;
  }
  if (n === undefined) throw sources.error(path, `must be an integer, got ${show(value)}`);
  if (min !== undefined && n < min) throw sources.error(path, `must be an integer >= ${min}, got ${n}`);
  return n;
}

/**
 * A string setting (numbers are not turned into strings, as in pydantic).
 *
 * @example
 * toStr(sources, ["store"], "prod"); // "prod"
 */
export function toStr(sources: ConfigSources, path: KeyPath, value: unknown): string {
  if (typeof value === "string") return value;
  throw sources.error(path, `must be a string, got ${show(value)}`);
}

/**
 * A list of strings.
 *
 * @example
 * toStrList(sources, ["entrypoints"], ["./features.ts"]); // ["./features.ts"]
 */
export function toStrList(sources: ConfigSources, path: KeyPath, value: unknown): readonly string[] {
  if (!Array.isArray(value)) throw sources.error(path, `must be a list of strings, got ${show(value)}`);
  return Object.freeze(value.map((item, i) => toStr(sources, [...path, i], item)));
}

/**
 * A table.
 *
 * @example
 * toTable(sources, ["stores"], {}); // {}
 */
export function toTable(sources: ConfigSources, path: KeyPath, value: unknown): RawTable {
  if (isTable(value)) return value;
  throw sources.error(path, `must be a table, got ${show(value)}`);
}

/**
 * Rejects keys outside `allowed`, naming them and the allowed set.
 *
 * @example
 * rejectUnknownKeys(sources, ["extra_features", 0], { projects: [] }, ["projects", "keys", "all"]);
 */
export function rejectUnknownKeys(
  sources: ConfigSources,
  path: KeyPath,
  table: RawTable,
  allowed: readonly string[],
  hint = "",
): void {
  const unknown = Object.keys(table).filter((key) => !allowed.includes(key));
  if (unknown.length === 0) return;
  const first = unknown[0]!;
  const names = unknown.map((key) => JSON.stringify(key)).join(", ");
  throw sources.error(
    [...path, first],
    `unknown key${unknown.length > 1 ? "s" : ""} ${names}; allowed: ${allowed.join(", ")}${hint}`,
  );
}
