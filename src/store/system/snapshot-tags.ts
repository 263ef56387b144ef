import { COMPATIBLE_METAXY_VERSION } from "../../constants.js";
import { InvalidArgumentError } from "../../errors.js";
import { parsePythonJson } from "../../models/python-json-parse.js";
import { jsonDumps } from "./json-dumps.js";

/**
 * The reserved tag key Metaxy records its own information under.
 *
 * @example
 * JSON.parse(JSON.parse(row.tags)[METAXY_TAG]).version; // "0.1.10"
 */
export const METAXY_TAG = "metaxy";

/**
 * The `tags` text of pushed rows, as Python's `FeatureVersionsModel` builds it: the user's tags in
 * their order, plus the reserved `"metaxy"` key holding the JSON *string* `{"version": "0.1.10"}` —
 * the Python Metaxy version whose storage format this port writes (`COMPATIBLE_METAXY_VERSION`), so
 * Python readers treat our rows like their own. A `"metaxy"` tag given by the caller keeps its other
 * entries and its `version` when set.
 *
 * @example
 * snapshotTagsJson({ git_commit: "abc" }); // '{"git_commit": "abc", "metaxy": "{\"version\": \"0.1.10\"}"}'
 */
export function snapshotTagsJson(tags: Readonly<Record<string, unknown>> = {}): string {
  if (typeof tags !== "object" || tags === null || Array.isArray(tags)) {
    throw new InvalidArgumentError("system tables: tags must be an object of tag names to values");
  }
  const out: Record<string, unknown> = { ...tags };
  const given = out[METAXY_TAG];
  let metaxy: unknown = given ?? {};
  if (typeof given === "string") {
    try {
      metaxy = parsePythonJson(given);
    } catch {
      metaxy = {};
    }
  }
  const entries: Record<string, unknown> =
    typeof metaxy === "object" && metaxy !== null && !Array.isArray(metaxy) ? { ...metaxy } : {};
  entries.version ??= COMPATIBLE_METAXY_VERSION;
  out[METAXY_TAG] = jsonDumps(entries);
  return jsonDumps(out);
}
