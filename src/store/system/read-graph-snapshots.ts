import type { MetadataStore } from "../metadata-store.js";
import { readFeatureVersionRecords } from "./read-feature-versions.js";

/**
 * One pushed graph snapshot (a row of `metaxy history`).
 *
 * @example
 * const s: GraphSnapshotSummary = { projectVersion: "2f02765d", recordedAt: new Date(), featureCount: 4 };
 */
export interface GraphSnapshotSummary {
  readonly projectVersion: string;
  /** When the snapshot was first recorded (millisecond precision). */
  readonly recordedAt: Date;
  /** Rows recorded under this project version (features, plus re-recorded definition updates). */
  readonly featureCount: number;
}

/**
 * The pushed snapshots (Python's `read_graph_snapshots`): `feature_versions` rows (of `project`
 * when given) grouped by project version, with the earliest `recorded_at` and the row count, newest
 * first. Empty when nothing was pushed.
 *
 * @example
 * const [latest] = await readGraphSnapshots(store, "demo");
 */
export async function readGraphSnapshots(
  store: MetadataStore,
  project?: string,
): Promise<GraphSnapshotSummary[]> {
  const groups = new Map<string, { first: bigint; count: number }>();
  for (const r of await readFeatureVersionRecords(store)) {
    if (project !== undefined && r.project !== project) continue;
    const group = groups.get(r.projectVersion);
    if (group === undefined) groups.set(r.projectVersion, { first: r.recordedAt, count: 1 });
    else {
      group.count++;
      if (r.recordedAt < group.first) group.first = r.recordedAt;
    }
  }
  return [...groups]
    .sort(([, a], [, b]) => (a.first === b.first ? 0 : a.first > b.first ? -1 : 1))
    .map(([projectVersion, g]) => ({
      projectVersion,
      recordedAt: new Date(Number(g.first / 1000n)),
      featureCount: g.count,
    }));
}
