import { InvalidArgumentError, SystemDataNotFoundError } from "../../errors.js";
import type { Feature } from "../../models/feature.js";
import type { FeatureGraph } from "../../models/feature-graph.js";
import type { MetadataStore } from "../metadata-store.js";
import { loadGraphFromSnapshot } from "./load-graph-from-snapshot.js";
import { newestRecord, readFeatureVersionRecords } from "./read-feature-versions.js";

/**
 * The graph that defined `feature` at `featureVersion`, for `rebase({ toFeatureVersion })`: the
 * snapshot of the newest `feature_versions` row recording that key at that version (of the
 * feature's project when it has one), loaded with `loadGraphFromSnapshot`. Upstreams the snapshot
 * lacks (features of other projects) are taken from the store's graph. SystemDataNotFoundError when
 * the version was never pushed.
 *
 * @example
 * const old = await loadGraphForFeatureVersion(store, faces, "52f055e3");
 * old.get(faces.key).featureVersion(); // "52f055e3"
 */
export async function loadGraphForFeatureVersion(
  store: MetadataStore,
  feature: Feature,
  featureVersion: string,
): Promise<FeatureGraph> {
  const key = feature.key.toString();
  const match = newestRecord(
    (await readFeatureVersionRecords(store)).filter(
      (r) =>
        r.featureKey === key &&
        r.featureVersion === featureVersion &&
        (feature.project === undefined || r.project === feature.project),
    ),
  );
  if (match === undefined) {
    throw new SystemDataNotFoundError(
      `system tables: feature "${key}" at feature version "${featureVersion}" is not recorded in ` +
        `metaxy-system/feature_versions of ${store.display()}; push the graph that defined it first`,
    );
  }
  const graph = await loadGraphFromSnapshot(store, match.projectVersion, { project: match.project });
  addMissingUpstreams(graph, store.graph);
  if (!graph.has(key) || graph.featureVersion(key) !== featureVersion) {
    throw new InvalidArgumentError(
      `system tables: snapshot "${match.projectVersion}" does not rebuild feature "${key}" at version ` +
        `"${featureVersion}" (hash truncation or stored definitions differ)`,
    );
  }
  return graph;
}

/** Copies upstream definitions `graph` lacks from `source`, transitively. */
function addMissingUpstreams(graph: FeatureGraph, source: FeatureGraph): void {
  const pending = graph.list().flatMap((f) => f.spec.deps.map((d) => d.feature));
  while (pending.length > 0) {
    const key = pending.pop()!;
    if (graph.has(key) || !source.has(key)) continue;
    const upstream = graph.feature(source.get(key));
    pending.push(...upstream.spec.deps.map((d) => d.feature));
  }
}
