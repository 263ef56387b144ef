/**
 * Feature discovery: loading the features a project's entrypoints define into one graph.
 *
 * @example
 * import { loadFeatures } from "./discovery/index.js";
 * const graph = await loadFeatures(loadConfig());
 */

export { type FeatureLike, type GraphLike, isGraphLike } from "./is-graph-like.js";
export { type LoadFeaturesOptions, loadFeatures } from "./load-features.js";
