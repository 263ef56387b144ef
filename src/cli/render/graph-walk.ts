import { compareCodePoints } from "../../models/code-point-compare.js";
import type { GraphData, GraphNode } from "./graph-data.js";

/** Python's `sorted(..., key=str.lower)`: case-insensitive, stable on ties. */
function lowerOrder(a: string, b: string): number {
  return compareCodePoints(a.toLowerCase(), b.toLowerCase());
}

/**
 * Nodes in dependency order as Python's `GraphWalker.topological_sort` yields them: keys visited in
 * case-insensitive order, each node's dependencies (sorted the same way) emitted before it.
 *
 * @example
 * topologicalNodes(data).map((n) => n.key); // ["example/video", "example/crop", "example/face_detection", "example/stt"]
 */
export function topologicalNodes(data: GraphData): GraphNode[] {
  const visited = new Set<string>();
  const out: GraphNode[] = [];
  const visit = (key: string) => {
    if (visited.has(key) || !data.nodes.has(key)) return;
    visited.add(key);
    const node = data.nodes.get(key)!;
    for (const dep of [...node.dependencies].sort(lowerOrder)) visit(dep);
    out.push(node);
  };
  for (const key of [...data.nodes.keys()].sort(lowerOrder)) visit(key);
  return out;
}

/**
 * Keeps the features of `project` and the direct parents of those features (Python's render filter).
 *
 * @example
 * filterByProject(data, "example_overview").nodes.size;
 */
export function filterByProject(data: GraphData, project: string): GraphData {
  const members = [...data.nodes.values()].filter((n) => n.project === project);
  const parents = new Set(members.flatMap((n) => n.dependencies));
  const nodes = new Map([...data.nodes].filter(([key, n]) => n.project === project || parents.has(key)));
  return { nodes, projectVersion: data.projectVersion };
}

/**
 * The subgraph around `focus`: `up` levels of dependencies and `down` levels of dependents
 * (undefined or negative = all, 0 = none). Throws when `focus` is not a node.
 *
 * @example
 * extractSubgraph(data, "example/crop", 1, 0).nodes.size; // crop and video
 */
export function extractSubgraph(
  data: GraphData,
  focus: string,
  up: number | undefined,
  down: number | undefined,
): GraphData {
  if (!data.nodes.has(focus)) throw new Error(`feature "${focus}" is not in the graph`);
  const include = new Set([focus]);
  const dependents = new Map<string, string[]>();
  for (const node of data.nodes.values()) {
    for (const dep of node.dependencies) dependents.set(dep, [...(dependents.get(dep) ?? []), node.key]);
  }
  const walk = (next: (key: string) => readonly string[], limit: number | undefined) => {
    if (limit === 0) return;
    const max = limit === undefined || limit < 0 ? Number.POSITIVE_INFINITY : limit;
    let frontier = [focus];
    for (let level = 0; level < max && frontier.length > 0; level++) {
      const following: string[] = [];
      for (const key of frontier) {
        for (const other of next(key)) {
          if (data.nodes.has(other) && !include.has(other)) {
            include.add(other);
            following.push(other);
          }
        }
      }
      frontier = following;
    }
  };
  walk((key) => data.nodes.get(key)?.dependencies ?? [], up);
  walk((key) => dependents.get(key) ?? [], down);
  return {
    nodes: new Map([...data.nodes].filter(([key]) => include.has(key))),
    projectVersion: data.projectVersion,
  };
}
