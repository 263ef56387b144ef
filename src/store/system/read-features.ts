import type { Table } from "apache-arrow";
import { METAXY_PROJECT_VERSION } from "../../constants.js";
import { InvalidArgumentError } from "../../errors.js";
import { col } from "../../filters/builders.js";
import type { FilterExpr } from "../../filters/filter-expr.js";
import type { FeatureGraph } from "../../models/feature-graph.js";
import type { MetadataStore } from "../metadata-store.js";
import { PROJECT_COLUMN } from "./feature-versions-table.js";
import { readFeatureVersionsTable } from "./read-feature-versions.js";

/**
 * Options of {@link readFeatures}.
 *
 * @example
 * const options: ReadFeaturesOptions = { projectVersion: "2f02765d", project: "demo" };
 */
export interface ReadFeaturesOptions {
  /**
   * Rows of the graph's current project version. Default: true unless `projectVersion` is given
   * (Python's default is always true, which silently ignores a given version).
   */
  readonly current?: boolean;
  /** Rows of this project version (required when `current` is false). */
  readonly projectVersion?: string;
  /** Only rows of this project (also selects which project's version is "current"). */
  readonly project?: string;
  /** Graph whose project version is "current"; default the store's graph. */
  readonly graph?: FeatureGraph;
}

/**
 * `feature_versions` rows of one project version (Python's `read_features`), every column as
 * stored, in table order; an empty table of the system schema when nothing matches.
 *
 * @example
 * const rows = await readFeatures(store, { project: "demo" }); // the current snapshot's rows
 */
export async function readFeatures(store: MetadataStore, options: ReadFeaturesOptions = {}): Promise<Table> {
  const current = options.current ?? options.projectVersion === undefined;
  let projectVersion = options.projectVersion;
  if (current) {
    const graph = options.graph ?? store.graph;
    projectVersion = graph.projectVersion(options.project ?? singleProject(graph));
  } else if (projectVersion === undefined) {
    throw new InvalidArgumentError("system tables: readFeatures needs projectVersion when current is false");
  }
  const filters: FilterExpr[] = [col(METAXY_PROJECT_VERSION).eq(projectVersion!)];
  if (options.project !== undefined) filters.push(col(PROJECT_COLUMN).eq(options.project));
  return readFeatureVersionsTable(store, filters);
}

/** The one project every feature shares, else undefined (the graph decides). */
function singleProject(graph: FeatureGraph): string | undefined {
  const projects = new Set(graph.list().map((f) => f.project));
  return projects.size === 1 ? [...projects][0] : undefined;
}
