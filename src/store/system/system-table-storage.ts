import type { Table } from "apache-arrow";
import type { FeatureGraph } from "../../models/feature-graph.js";
import type { MetadataStore } from "../metadata-store.js";
import type { FeatureVersionRecord } from "./feature-versions-table.js";
import { type LoadSnapshotOptions, loadGraphFromSnapshot } from "./load-graph-from-snapshot.js";
import { type PushGraphSnapshotOptions, type PushResult, pushGraphSnapshot } from "./push-graph-snapshot.js";
import { latestPerFeature, readFeatureVersionRecords } from "./read-feature-versions.js";
import { type ReadFeaturesOptions, readFeatures } from "./read-features.js";
import { type GraphSnapshotSummary, readGraphSnapshots } from "./read-graph-snapshots.js";

/**
 * The `metaxy-system/feature_versions` system table of a store (Python's `SystemTableStorage`):
 * push graph snapshots, list them, read recorded definitions and rebuild historical graphs. It reads
 * and writes through the store's public `read`/`write` of the system key, so the store must be open
 * (in `"w"` to push). A store without the table reads as empty.
 *
 * @example
 * const storage = new SystemTableStorage(store);
 * await store.withOpen("w", () => storage.pushGraphSnapshot({ tags: { git_commit: "abc123" } }));
 * const [latest] = await store.withOpen("r", () => storage.readGraphSnapshots("demo"));
 */
export class SystemTableStorage {
  constructor(readonly store: MetadataStore) {}

  /** Records the graph (see `pushGraphSnapshot`). */
  pushGraphSnapshot(options?: PushGraphSnapshotOptions): Promise<PushResult> {
    return pushGraphSnapshot(this.store, options);
  }

  /** Pushed snapshots, newest first (see `readGraphSnapshots`). */
  readGraphSnapshots(project?: string): Promise<GraphSnapshotSummary[]> {
    return readGraphSnapshots(this.store, project);
  }

  /** Rows of one snapshot as a table (see `readFeatures`). */
  readFeatures(options?: ReadFeaturesOptions): Promise<Table> {
    return readFeatures(this.store, options);
  }

  /** The graph pushed under `projectVersion` (see `loadGraphFromSnapshot`). */
  loadGraphFromSnapshot(projectVersion: string, project?: string): Promise<FeatureGraph> {
    const options: LoadSnapshotOptions = project === undefined ? {} : { project };
    return loadGraphFromSnapshot(this.store, projectVersion, options);
  }

  /** Every row as a record, in table order. */
  readRecords(): Promise<FeatureVersionRecord[]> {
    return readFeatureVersionRecords(this.store);
  }

  /**
   * The newest row of every feature across all snapshots (of `projects` when given), as Python's
   * `_read_latest_features_by_project` (used for external features and lock files).
   */
  async readLatestFeatures(projects?: readonly string[]): Promise<FeatureVersionRecord[]> {
    const rows = (await readFeatureVersionRecords(this.store)).filter(
      (r) => projects === undefined || projects.includes(r.project),
    );
    return [...latestPerFeature(rows).values()];
  }
}
