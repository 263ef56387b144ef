import { nowMicros } from "../../arrow/now-micros.js";
import { FEATURE_VERSIONS_KEY } from "../../constants.js";
import type { FeatureGraph } from "../../models/feature-graph.js";
import type { MetadataStore } from "../metadata-store.js";
import { featureVersionsTable } from "./feature-versions-table.js";
import { projectRecords, resolvePushProject } from "./project-records.js";
import { latestPerFeature, newestRecord, readFeatureVersionRecords } from "./read-feature-versions.js";
import { snapshotTagsJson } from "./snapshot-tags.js";

/**
 * Options of {@link pushGraphSnapshot}.
 *
 * @example
 * const options: PushGraphSnapshotOptions = { project: "demo", tags: { git_commit: "abc123" } };
 */
export interface PushGraphSnapshotOptions {
  /** Project to record; default the graph's single project (see `resolvePushProject`). */
  readonly project?: string;
  /** User tags stored (as JSON) on every pushed row, besides the reserved `metaxy` tag. */
  readonly tags?: Readonly<Record<string, unknown>>;
  /** Graph to record; default the store's graph. */
  readonly graph?: FeatureGraph;
}

/**
 * What a push did (Python `PushResult`).
 *
 * @example
 * const { projectVersion, alreadyPushed, updatedFeatures }: PushResult = await storage.pushGraphSnapshot();
 */
export interface PushResult {
  /** Project version of the recorded graph. */
  readonly projectVersion: string;
  /** The project's latest push already had this project version. */
  readonly alreadyPushed: boolean;
  /** When already pushed: keys whose rows were (re)recorded because their definition changed or was missing. */
  readonly updatedFeatures: readonly string[];
}

/**
 * Records the graph's features of one project in `metaxy-system/feature_versions` (Python's
 * `push_graph_snapshot`; the store must be open in `"w"`). If the project's latest push has another
 * project version, every feature is recorded ("Recorded feature graph"); if it has the same one,
 * only features missing from that snapshot or whose definition version differs from their latest
 * row in it ("Updated feature information"); with none, nothing is written ("Snapshot already
 * recorded"). Idempotent. `recorded_at` is the push time, kept later than every stored row so
 * "latest" is never a tie.
 *
 * @example
 * const result = await pushGraphSnapshot(store, { tags: { git_commit: "abc123" } });
 */
export async function pushGraphSnapshot(
  store: MetadataStore,
  options: PushGraphSnapshotOptions = {},
): Promise<PushResult> {
  const graph = options.graph ?? store.graph;
  const project = resolvePushProject(graph, options.project);
  const stored = await readFeatureVersionRecords(store);
  const ofProject = stored.filter((r) => r.project === project);
  const last = newestRecord(stored)?.recordedAt ?? -1n;
  const now = nowMicros();
  const recordedAt = now > last ? now : last + 1n;
  const current = projectRecords(graph, project, recordedAt, snapshotTagsJson(options.tags));
  const projectVersion = current[0]!.projectVersion;
  const alreadyPushed = newestRecord(ofProject)?.projectVersion === projectVersion;
  let toPush = current;
  if (alreadyPushed) {
    const pushed = latestPerFeature(ofProject.filter((r) => r.projectVersion === projectVersion));
    const missing = current.filter((r) => !pushed.has(r.featureKey));
    const changed = current.filter((r) => {
      const before = pushed.get(r.featureKey);
      return before !== undefined && before.definitionVersion !== r.definitionVersion;
    });
    toPush = [...missing, ...changed];
  }
  if (toPush.length > 0) await store.write(FEATURE_VERSIONS_KEY, featureVersionsTable(toPush));
  return {
    projectVersion,
    alreadyPushed,
    updatedFeatures: alreadyPushed ? toPush.map((r) => r.featureKey) : [],
  };
}
