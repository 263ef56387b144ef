import type { FeatureGraph } from "../../models/feature-graph.js";

/**
 * One feature of a graph snapshot as the differ compares it.
 *
 * @example
 * const f: SnapshotFeature = { version: "c2ac395f", definitionVersion: "…", fields: { audio: "22742381" }, dependencies: [] };
 */
export interface SnapshotFeature {
  readonly version: string;
  readonly definitionVersion: string;
  /** Field key → field version, declared order. */
  readonly fields: Readonly<Record<string, string>>;
  readonly dependencies: readonly string[];
}

/**
 * Feature key → {@link SnapshotFeature} for the features of `project` (all when null) in a graph.
 *
 * @example
 * snapshotData(graph, "example_overview")["example/video"].version; // "c2ac395f"
 */
export function snapshotData(graph: FeatureGraph, project: string | null): Map<string, SnapshotFeature> {
  const data = new Map<string, SnapshotFeature>();
  for (const feature of graph.list()) {
    if (project !== null && feature.project !== project) continue;
    const key = feature.key.toString();
    data.set(key, {
      version: graph.featureVersion(key),
      definitionVersion: graph.featureDefinitionVersion(key),
      fields: graph.fieldVersions(key),
      dependencies: feature.spec.deps.map((d) => d.feature.toString()),
    });
  }
  return data;
}
