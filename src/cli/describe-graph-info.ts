import { METAXY_PROJECT_VERSION } from "../constants.js";
import type { FeatureGraph } from "../models/feature-graph.js";

/**
 * Python's `describe_graph` result.
 *
 * @example
 * const info: GraphDescription = describeGraph(graph, "demo");
 * info.graph_depth; // 3
 */
export interface GraphDescription {
  readonly [METAXY_PROJECT_VERSION]: string;
  readonly total_features: number;
  readonly filtered_features?: number;
  readonly filter_project?: string;
  /** Longest dependency chain, counted in features. */
  readonly graph_depth: number;
  readonly root_features: readonly string[];
  readonly leaf_features: readonly string[];
  /** Feature count per project (every feature of the graph). */
  readonly projects: Readonly<Record<string, number>>;
}

/**
 * Describes a graph like Python's `describe_graph`: depth, roots (no dependencies) and leaves (no
 * dependents among the selected features), sorted, restricted to `project` when given.
 *
 * @example
 * describeGraph(graph, null).root_features; // ["example/video"]
 */
export function describeGraph(graph: FeatureGraph, project: string | null): GraphDescription {
  const all = graph.list();
  const selected = project === null ? all : all.filter((f) => f.project === project);
  const depths = new Map<string, number>();
  const depth = (key: string, trail: ReadonlySet<string>): number => {
    const known = depths.get(key);
    if (known !== undefined) return known;
    if (!graph.has(key) || trail.has(key)) return trail.has(key) ? 0 : 1;
    const deps = graph.get(key).spec.deps.map((d) => d.feature.toString());
    const next = new Set(trail).add(key);
    const value = deps.length === 0 ? 1 : 1 + Math.max(...deps.map((d) => depth(d, next)));
    depths.set(key, value);
    return value;
  };
  const keys = selected.map((f) => f.key.toString());
  const depended = new Set(selected.flatMap((f) => f.spec.deps.map((d) => d.feature.toString())));
  const projects: Record<string, number> = {};
  for (const f of all) projects[f.project ?? "None"] = (projects[f.project ?? "None"] ?? 0) + 1;
  let projectVersion: string;
  try {
    projectVersion = graph.projectVersion(project ?? undefined);
  } catch {
    projectVersion = "unknown";
  }
  return {
    [METAXY_PROJECT_VERSION]: projectVersion,
    total_features: all.length,
    ...(project === null ? {} : { filtered_features: selected.length, filter_project: project }),
    graph_depth: Math.max(0, ...keys.map((k) => depth(k, new Set()))),
    root_features: selected
      .filter((f) => f.spec.deps.length === 0)
      .map((f) => f.key.toString())
      .sort(),
    leaf_features: keys.filter((k) => !depended.has(k)).sort(),
    projects,
  };
}
