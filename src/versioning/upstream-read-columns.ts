import { filterColumns } from "../filters/filter-columns.js";
import type { FilterExpr } from "../filters/filter-expr.js";
import { toFilterExpr } from "../filters/to-filter-expr.js";
import type { PlanDep } from "../models/plan.js";
import { depSelection } from "./dep-selection.js";

/**
 * The upstream's own (pre-rename) column names that {@link prepareUpstream} reads for this dep, so
 * a store can project its read: the sources of the selected columns, of the columns the dep's
 * filters and `runtimeFilters` (post-rename names) reference, and the four provenance /
 * data-version columns. Null when the dep has no `select` (every column passes through). Columns a
 * store needs for itself (timestamps for keep-latest) are not included.
 *
 * @example
 * upstreamReadColumns(plan.dep("video/raw")); // ["video_id", "path", "metaxy_provenance_by_field", …]
 */
export function upstreamReadColumns(
  dep: PlanDep,
  runtimeFilters: readonly (string | FilterExpr)[] = [],
): readonly string[] | null {
  const selection = depSelection(dep);
  if (selection === null) return null;
  const sources = new Map<string, string>();
  for (const [from, to] of Object.entries(dep.columnRenames)) if (!sources.has(to)) sources.set(to, from);
  const out: string[] = [];
  const add = (renamed: string) => {
    const source = sources.get(renamed) ?? renamed;
    if (!out.includes(source)) out.push(source);
  };
  for (const c of selection) add(c);
  for (const f of [...(dep.dep.filters ?? []), ...runtimeFilters]) {
    // A dotted name reads a struct field; the column to project is its top-level struct.
    for (const name of filterColumns(toFilterExpr(f))) add(name.split(".")[0]!);
  }
  return Object.freeze(out);
}
