import { InvalidArgumentError } from "../errors.js";
import type { FeatureGraph } from "../models/feature-graph.js";
import type { MetadataStore } from "../store/metadata-store.js";

/**
 * One pushed graph snapshot (a row of `metaxy history`).
 *
 * @example
 * const s: SnapshotSummary = { projectVersion: "2f02765d", recordedAt: new Date(), featureCount: 4 };
 */
export interface SnapshotSummary {
  readonly projectVersion: string;
  readonly recordedAt: Date;
  readonly featureCount: number;
}

/**
 * What `push` reports.
 *
 * @example
 * const r: PushOutcome = { projectVersion: "2f02765d", alreadyPushed: false, updatedFeatures: [] };
 */
export interface PushOutcome {
  readonly projectVersion: string;
  readonly alreadyPushed: boolean;
  readonly updatedFeatures: readonly string[];
}

/**
 * The `feature_versions` system table as the CLI uses it.
 *
 * @example
 * const tables = systemTablesOf(store);
 * await store.withOpen("w", () => tables.push("demo", { git_commit: "abc" }));
 */
export interface SystemTables {
  push(project: string, tags: Readonly<Record<string, string>>): Promise<PushOutcome>;
  /** Newest first. */
  readGraphSnapshots(project: string | null): Promise<SnapshotSummary[]>;
  loadGraph(projectVersion: string, project: string | null): Promise<FeatureGraph>;
}

/**
 * The system tables of a store; `InvalidArgumentError` when the store keeps none.
 *
 * @example
 * systemTablesOf(store).readGraphSnapshots("demo");
 */
export function systemTablesOf(store: MetadataStore): SystemTables {
  if (!store.capabilities.systemTables) {
    throw new InvalidArgumentError(
      `store: ${store.display()} keeps no system tables (feature_versions); use a Delta store for push, history and snapshots`,
    );
  }
  throw new InvalidArgumentError(`store: ${store.display()}: system table access is not wired yet`);
}
