import { InvalidKeyError } from "../errors.js";
import type { Feature } from "../models/feature.js";
import type { FeatureGraph } from "../models/feature-graph.js";
import { FeatureKey } from "../models/feature-key.js";
import { CliError } from "./cli-error.js";

/**
 * Parses a feature key given on the command line: `a/b`, or the table-name form `a__b`.
 * Throws `CliError` `INVALID_FEATURE_KEY`.
 *
 * @example
 * parseFeatureKey("video__raw").toString(); // "video/raw"
 */
export function parseFeatureKey(text: string): FeatureKey {
  const normalized = !text.includes("/") && text.includes("__") ? text.split("__").join("/") : text;
  try {
    return FeatureKey.parse(normalized);
  } catch (cause) {
    if (!(cause instanceof InvalidKeyError)) throw cause;
    throw new CliError("INVALID_FEATURE_KEY", cause.message, { details: { key: text }, cause });
  }
}

/**
 * The features named on the command line (in the order given), or with `all` every feature of
 * `project` (every feature when null) in dependency order. Keys and `--all-features` together are
 * `CONFLICTING_FLAGS`, neither is `MISSING_REQUIRED_FLAG`, an empty selection `NO_FEATURES`, unknown
 * keys `FEATURES_NOT_FOUND` (listing them in `missing_features`).
 *
 * @example
 * selectFeatures(graph, ["video/raw"], false, "demo", "metadata status");
 */
export function selectFeatures(
  graph: FeatureGraph,
  keys: readonly string[],
  all: boolean,
  project: string | null,
  command: string,
): Feature[] {
  if (keys.length > 0 && all) {
    throw new CliError("CONFLICTING_FLAGS", `${command}: give feature keys or --all-features, not both`);
  }
  if (keys.length === 0 && !all) {
    throw new CliError("MISSING_REQUIRED_FLAG", `${command}: give feature keys or --all-features`);
  }
  if (all) {
    const features = graph
      .topologicalOrder()
      .map((key) => graph.get(key))
      .filter((f) => project === null || f.project === project);
    if (features.length === 0) {
      const scope = project === null ? "" : ` in project "${project}"`;
      throw new CliError("NO_FEATURES", `${command}: no features found${scope}`);
    }
    return features;
  }
  const parsed = keys.map(parseFeatureKey);
  const missing = parsed.filter((key) => !graph.has(key)).map((key) => key.toString());
  if (missing.length > 0) {
    throw new CliError(
      "FEATURES_NOT_FOUND",
      `${command}: feature${missing.length > 1 ? "s" : ""} not found in the graph: ${missing.join(", ")}`,
      { details: { missing_features: missing } },
    );
  }
  return parsed.map((key) => graph.get(key));
}

/**
 * The features a listing shows: those of `project` (all when null), in dependency order.
 *
 * @example
 * projectFeatures(graph, "demo").map((f) => f.key.toString());
 */
export function projectFeatures(graph: FeatureGraph, project: string | null): Feature[] {
  return graph
    .topologicalOrder()
    .map((key) => graph.get(key))
    .filter((f) => project === null || f.project === project);
}
