import { ALL_SYSTEM_COLUMNS, RENAMED_UPSTREAM_COLUMNS } from "../../constants.js";
import { compareCodePoints } from "../../models/code-point-compare.js";
import type { Feature } from "../../models/feature.js";
import type { FeatureGraph } from "../../models/feature-graph.js";
import { assetKeyOf } from "./asset-key.js";
import { idColumnMapping } from "./id-column-mapping.js";

/**
 * An upstream column a downstream column derives from.
 *
 * @example
 * const dep: ColumnDep = { assetKey: ["video", "raw"], columnName: "video_id" };
 */
export interface ColumnDep {
  readonly assetKey: readonly string[];
  readonly columnName: string;
}

/**
 * Downstream column → the upstream columns it derives from, keys sorted by name.
 *
 * @example
 * const lineage: ColumnLineage = { video_id: [{ assetKey: ["video", "raw"], columnName: "video_id" }] };
 */
export type ColumnLineage = Readonly<Record<string, readonly ColumnDep[]>>;

/**
 * Column-level lineage of a feature from its dependencies (Python's Dagster `build_column_lineage`).
 * A feature's columns are its id columns plus its declared columns. Per dependency, in order: id
 * columns mapped through the lineage ({@link idColumnMapping}), then renamed columns
 * (`rename` targets whose source is an upstream column), then pass-through columns (same name
 * upstream, neither an id mapping, a rename target nor a system column), then the four provenance
 * and data-version system columns, which always derive from the upstream's. Null for root features.
 * `prefix` is applied to upstream asset keys.
 *
 * @example
 * columnLineage(graph, faces);
 * // { metaxy_data_version: [...], ..., video_id: [{ assetKey: ["video", "raw"], columnName: "video_id" }] }
 */
export function columnLineage(
  graph: FeatureGraph,
  feature: Feature,
  prefix: readonly string[] = [],
): ColumnLineage | null {
  const { spec } = feature;
  if (spec.deps.length === 0) return null;
  const downstream = columnsOf(feature);
  const lineage = new Map<string, ColumnDep[]>();
  const add = (column: string, assetKey: readonly string[], columnName: string) => {
    const deps = lineage.get(column);
    if (deps === undefined) lineage.set(column, [{ assetKey, columnName }]);
    else deps.push({ assetKey, columnName });
  };
  for (const dep of spec.deps) {
    const upstream = graph.get(dep.feature);
    const assetKey = assetKeyOf(upstream, prefix);
    const upstreamColumns = columnsOf(upstream);
    const reverseRename: Record<string, string> = {};
    for (const [from, to] of Object.entries(dep.rename ?? {})) reverseRename[to] = from;
    const ids = idColumnMapping(spec.idColumns, upstream.spec.idColumns, dep.lineage, reverseRename);
    for (const [column, source] of Object.entries(ids)) {
      if (downstream.has(column)) add(column, assetKey, source);
    }
    for (const [column, source] of Object.entries(reverseRename)) {
      if (downstream.has(column) && !Object.hasOwn(ids, column) && upstreamColumns.has(source)) {
        add(column, assetKey, source);
      }
    }
    for (const column of downstream) {
      const handled =
        Object.hasOwn(ids, column) ||
        Object.hasOwn(reverseRename, column) ||
        ALL_SYSTEM_COLUMNS.includes(column);
      if (!handled && upstreamColumns.has(column)) add(column, assetKey, column);
    }
    for (const column of RENAMED_UPSTREAM_COLUMNS) add(column, assetKey, column);
  }
  const sorted = [...lineage.keys()].sort(compareCodePoints);
  return Object.fromEntries(sorted.map((column) => [column, lineage.get(column)!]));
}

function columnsOf(feature: Feature): Set<string> {
  return new Set([...feature.spec.idColumns, ...Object.keys(feature.columns ?? {})]);
}
