import { InvalidArgumentError } from "../errors.js";
import type { FeatureGraph } from "../models/feature-graph.js";
import type { MetadataStore } from "../store/metadata-store.js";
import { SystemTableStorage } from "../store/system/system-table-storage.js";

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
  /** Where a system table lives, for "Recorded at:" lines. */
  describeLocation(key: string): string;
}

/**
 * Where a store keeps a table, when it can tell (`tableUri` of file-based stores), else null.
 *
 * @example
 * tableLocation(store, "example/video"); // "/data/metaxy/example/video.delta"
 */
export function tableLocation(store: MetadataStore, key: string): string | null {
  const candidate = store as MetadataStore & { tableUri?: unknown };
  if (typeof candidate.tableUri !== "function") return null;
  try {
    return String((candidate.tableUri as (k: string) => unknown).call(store, key));
  } catch {
    return null;
  }
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
  const storage = new SystemTableStorage(store);
  return {
    push: (project, tags) => storage.pushGraphSnapshot({ project, tags }),
    readGraphSnapshots: (project) => storage.readGraphSnapshots(project ?? undefined),
    loadGraph: (projectVersion, project) =>
      storage.loadGraphFromSnapshot(projectVersion, project ?? undefined),
    describeLocation: (key) => {
      const uri = tableLocation(store, key);
      const display = pythonRepr(store.display());
      return uri === null ? `{'display': ${display}}` : `{'display': ${display}, 'uri': ${pythonRepr(uri)}}`;
    },
  };
}

/** Python's `repr()` of a string (single quotes unless the text holds one). */
function pythonRepr(text: string): string {
  if (text.includes("'") && !text.includes('"')) return `"${text.replace(/\\/g, "\\\\")}"`;
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
