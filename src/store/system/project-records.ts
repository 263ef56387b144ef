import { InvalidArgumentError } from "../../errors.js";
import type { FeatureGraph } from "../../models/feature-graph.js";
import { featureJsonSchema } from "../../models/feature-schema.js";
import type { FeatureVersionRecord } from "./feature-versions-table.js";
import { jsonDumps } from "./json-dumps.js";

/**
 * The project a push records: the one named, else the single project of the graph's features, else
 * the graph's own project. InvalidArgumentError when the graph is empty or the choice is ambiguous.
 *
 * @example
 * resolvePushProject(graph, undefined); // "demo"
 */
export function resolvePushProject(graph: FeatureGraph, project: string | undefined): string {
  if (project !== undefined) {
    if (typeof project !== "string" || project === "") {
      throw new InvalidArgumentError(
        `system tables: project must be a non-empty string, got ${String(project)}`,
      );
    }
    return project;
  }
  const features = graph.list();
  if (features.length === 0)
    throw new InvalidArgumentError("system tables: no features in the graph to push");
  const projects = [...new Set(features.map((f) => f.project))];
  if (projects.length === 1 && projects[0] !== undefined) return projects[0];
  if (graph.project !== undefined) return graph.project;
  throw new InvalidArgumentError(
    `system tables: the graph's features span projects ${projects.map((p) => p ?? "<none>").join(", ")}; name the project to push`,
  );
}

/**
 * One `feature_versions` record per feature of `project` in `graph` (definition order), as Python's
 * `push_graph_snapshot` builds them: feature, definition and project versions, the spec as
 * `json.dumps(model_dump)`, the feature's JSON Schema (`featureJsonSchema`: the stored one, the one
 * generated from declared columns, or `{}`), its class path (empty when it has none), `recordedAt`
 * and `tags` on every row.
 *
 * @example
 * const records = projectRecords(graph, "demo", nowMicros(), snapshotTagsJson());
 */
export function projectRecords(
  graph: FeatureGraph,
  project: string,
  recordedAt: bigint,
  tags: string,
): FeatureVersionRecord[] {
  const members = graph.list().filter((f) => f.project === project);
  if (members.length === 0) {
    throw new InvalidArgumentError(`system tables: no features of project "${project}" in the graph`);
  }
  const projectVersion = graph.projectVersion(project);
  return members.map((f) => ({
    project,
    featureKey: f.key.toString(),
    featureVersion: graph.featureVersion(f.key),
    definitionVersion: graph.featureDefinitionVersion(f.key),
    recordedAt,
    featureSpec: jsonDumps(f.spec.toJSON()),
    featureSchema: jsonDumps(featureJsonSchema(f)),
    featureClassPath: f.classPath ?? "",
    projectVersion,
    tags,
    deletedAt: null,
  }));
}
