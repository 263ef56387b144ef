import { PyFloat } from "../../models/py-float.js";
import { pythonJsonDumps } from "../../models/python-json.js";

/**
 * Python's plain `json.dumps(value)`: like `pythonJsonDumps` (`", "` / `": "` separators,
 * `ensure_ascii` escapes, Python float spellings) but keys keep their insertion order instead of
 * being sorted — how Python writes `feature_spec`, `feature_schema` and `tags` into
 * `feature_versions`. Objects with `toJSON()` are written as its result.
 *
 * @example
 * jsonDumps({ b: 1, a: [true, "é"] }); // '{"b": 1, "a": [true, "\\u00e9"]}'
 */
export function jsonDumps(value: unknown): string {
  if (value instanceof PyFloat || value === null || typeof value !== "object") return pythonJsonDumps(value);
  if (Array.isArray(value)) return `[${value.map(jsonDumps).join(", ")}]`;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === "function") return jsonDumps(toJSON.call(value));
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${pythonJsonDumps(k)}: ${jsonDumps(v)}`).join(", ")}}`;
}
