import type { PlanDep } from "../models/plan.js";

/**
 * The post-rename columns a dep keeps (Python `FeatureDepTransformer.renamed_columns`), or null
 * when `select` is unset (keep everything): the `select` list, then the lineage `on` columns
 * (renamed) not already listed, then — only when the lineage has no `on` — the renamed upstream id
 * columns not already listed, then the four renamed provenance / data-version columns.
 *
 * @example
 * depSelection(graph.plan("video/faces").deps[0]!);
 * // ["path", "video_id", "metaxy_provenance_by_field__video_raw", …]
 */
export function depSelection(dep: PlanDep): readonly string[] | null {
  const select = dep.dep.select;
  if (select === null) return null;
  const out = [...select];
  const on = dep.lineage.on ?? [];
  const lineage = on.map((c) => dep.dep.renamed(c)).filter((c) => !out.includes(c));
  out.push(...lineage);
  if (on.length === 0) out.push(...dep.renamedIdColumns.filter((c) => !out.includes(c)));
  out.push(...Object.values(dep.systemColumnRenames));
  return Object.freeze(out);
}
