import { SystemDataNotFoundError } from "../../errors.js";
import { FeatureGraph } from "../../models/feature-graph.js";
import { FeatureSpec } from "../../models/feature-spec.js";
import { parsePythonJson } from "../../models/python-json-parse.js";
import type { MetadataStore } from "../metadata-store.js";
import type { FeatureVersionRecord } from "./feature-versions-table.js";
import { latestPerFeature, readFeatureVersionRecords } from "./read-feature-versions.js";

/**
 * Options of {@link loadGraphFromSnapshot}.
 *
 * @example
 * const options: LoadSnapshotOptions = { project: "demo", hashTruncationLength: 8 };
 */
export interface LoadSnapshotOptions {
  /** Only features of this project (default: every project recorded under the version). */
  readonly project?: string;
  /** Truncation of the rebuilt graph's versions; default the store graph's. */
  readonly hashTruncationLength?: number | null;
}

/**
 * Rebuilds the graph pushed under `projectVersion` (Python's `load_graph_from_snapshot`) without
 * importing any code: each feature's latest row in that snapshot becomes a definition from its
 * stored spec JSON (`FeatureSpec.fromJSON`), project, class path and stored JSON Schema, so feature,
 * definition and project versions equal the pushed ones — for Python's pushes too. A row that cannot
 * be rebuilt is skipped with a process warning (as Python does); a snapshot with no rows is a
 * SystemDataNotFoundError.
 *
 * @example
 * const old = await loadGraphFromSnapshot(store, "2f02765d", { project: "demo" });
 * old.featureVersion("video/raw");
 */
export async function loadGraphFromSnapshot(
  store: MetadataStore,
  projectVersion: string,
  options: LoadSnapshotOptions = {},
): Promise<FeatureGraph> {
  const { project } = options;
  const rows = (await readFeatureVersionRecords(store)).filter(
    (r) => r.projectVersion === projectVersion && (project === undefined || r.project === project),
  );
  if (rows.length === 0) {
    const scope = project === undefined ? "" : ` of project "${project}"`;
    throw new SystemDataNotFoundError(
      `system tables: no features recorded for snapshot "${projectVersion}"${scope} in ${store.display()}`,
    );
  }
  const projects = [...new Set(rows.map((r) => r.project))];
  const graph = new FeatureGraph({
    ...(projects.length === 1 ? { project: projects[0]! } : {}),
    hashTruncationLength:
      options.hashTruncationLength === undefined
        ? store.graph.hashTruncationLength
        : options.hashTruncationLength,
  });
  for (const record of latestPerFeature(rows).values()) addStoredFeature(graph, record, store);
  return graph;
}

/**
 * Defines one stored feature in `graph`, or warns and skips it when its row is unusable.
 *
 * @example
 * for (const record of latestPerFeature(rows).values()) addStoredFeature(graph, record, store);
 */
export function addStoredFeature(
  graph: FeatureGraph,
  record: FeatureVersionRecord,
  store: MetadataStore,
): void {
  try {
    const spec = FeatureSpec.fromJSON(parsePythonJson(record.featureSpec));
    const schema = parsePythonJson(record.featureSchema) as { readonly [key: string]: unknown };
    graph.feature(spec, {
      project: record.project,
      schema,
      ...(record.featureClassPath === "" ? {} : { classPath: record.featureClassPath }),
    });
  } catch (error) {
    process.emitWarning(
      `system tables: skipping feature "${record.featureKey}" stored in ${store.display()}: ${(error as Error).message}`,
      { code: "METAXY_INVALID_STORED_FEATURE" },
    );
  }
}
