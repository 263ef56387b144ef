import type { FeatureGraph } from "../../models/feature-graph.js";

/**
 * A node's state in a diff view; `normal` outside diffs.
 *
 * @example
 * const status: NodeStatus = "changed";
 */
export type NodeStatus = "normal" | "unchanged" | "added" | "removed" | "changed";

/**
 * A field as the renderers show it.
 *
 * @example
 * const field: FieldNode = { key: "audio", version: "22742381", oldVersion: null, codeVersion: "1", status: "normal" };
 */
export interface FieldNode {
  readonly key: string;
  readonly version: string | null;
  readonly oldVersion: string | null;
  readonly codeVersion: string | null;
  readonly status: NodeStatus;
}

/**
 * A feature as the renderers show it.
 *
 * @example
 * const node: GraphNode = { key: "example/crop", version: "34d75856", dependencies: ["example/video"], ... };
 */
export interface GraphNode {
  readonly key: string;
  readonly version: string | null;
  readonly oldVersion: string | null;
  readonly codeVersion: string | null;
  readonly fields: readonly FieldNode[];
  /** Upstream feature keys, in spec order. */
  readonly dependencies: readonly string[];
  readonly status: NodeStatus;
  readonly project: string | null;
}

/**
 * The renderer-independent graph (Python's `GraphData`): nodes by key string, plus the project version
 * shown in headers.
 *
 * @example
 * const data = graphDataOf(graph, graph.projectVersion());
 * data.nodes.get("example/video")?.fields.map((f) => f.key); // ["audio", "frames"]
 */
export interface GraphData {
  readonly nodes: ReadonlyMap<string, GraphNode>;
  readonly projectVersion: string | null;
}

/**
 * Turns a feature graph into {@link GraphData}: every feature with its version, code version, field
 * versions (declared order), dependencies and project.
 *
 * @example
 * graphDataOf(graph, "2f02765d").nodes.size; // 4
 */
export function graphDataOf(graph: FeatureGraph, projectVersion: string | null): GraphData {
  const nodes = new Map<string, GraphNode>();
  for (const feature of graph.list()) {
    const key = feature.key.toString();
    const versions = graph.fieldVersions(key);
    nodes.set(key, {
      key,
      version: graph.featureVersion(key),
      oldVersion: null,
      codeVersion: graph.featureCodeVersion(key),
      fields: feature.spec.fields.map((field) => ({
        key: field.key.toString(),
        version: versions[field.key.toString()] ?? null,
        oldVersion: null,
        codeVersion: field.codeVersion,
        status: "normal" as const,
      })),
      dependencies: feature.spec.deps.map((dep) => dep.feature.toString()),
      status: "normal",
      project: feature.project ?? null,
    });
  }
  return { nodes, projectVersion };
}
