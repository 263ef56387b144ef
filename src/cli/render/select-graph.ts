import type { GraphData } from "./graph-data.js";
import { extractSubgraph, filterByProject } from "./graph-walk.js";
import { focusKey, type RenderConfig } from "./render-config.js";

/**
 * The part of the graph a rendering shows: the project filter (its features plus their parents),
 * then the focus subgraph. As in Python, the focus subgraph is taken from the whole graph.
 *
 * @example
 * selectGraph(data, { ...DEFAULT_RENDER_CONFIG, feature: "example/crop", up: 1 });
 */
export function selectGraph(data: GraphData, config: RenderConfig): GraphData {
  if (config.feature !== null) return extractSubgraph(data, focusKey(config.feature), config.up, config.down);
  return config.project === null ? data : filterByProject(data, config.project);
}
