import type { Lineage } from "../../models/lineage.js";

/**
 * Which downstream id column comes from which upstream id column under a dependency's lineage
 * (Python's Dagster `_get_id_column_mapping`): identity maps every downstream id column, aggregation
 * its `on` columns (default: every downstream id column), expansion its `on` columns; a column maps
 * when its upstream name (after undoing `rename`) is an upstream id column.
 *
 * @example
 * idColumnMapping(["video_id", "frame"], ["video_id"], Lineage.expansion({ on: ["video_id"] }), {});
 * // { video_id: "video_id" }
 */
export function idColumnMapping(
  downstreamIds: readonly string[],
  upstreamIds: readonly string[],
  lineage: Lineage,
  reverseRename: Readonly<Record<string, string>>,
): Record<string, string> {
  const candidates = lineage.kind === "identity" ? downstreamIds : (lineage.on ?? downstreamIds);
  const mapping: Record<string, string> = {};
  for (const column of candidates) {
    if (!downstreamIds.includes(column)) continue;
    const upstream = Object.hasOwn(reverseRename, column) ? reverseRename[column]! : column;
    if (upstreamIds.includes(upstream)) mapping[column] = upstream;
  }
  return mapping;
}
