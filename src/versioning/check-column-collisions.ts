import type { Table } from "apache-arrow";
import { ALL_SYSTEM_COLUMNS } from "../constants.js";
import { ColumnConfigurationError } from "../errors.js";
import type { FeaturePlan, PlanDep } from "../models/plan.js";

/**
 * One upstream after {@link prepareUpstream}, ready to join.
 *
 * @example
 * const p: PreparedUpstream = { dep, table: prepareUpstream(plan, dep, raw, ctx) };
 */
export interface PreparedUpstream {
  readonly dep: PlanDep;
  readonly table: Table;
}

/**
 * Python's run-time `_validate_no_collisions`: with two or more prepared upstreams, a column that
 * is neither a join column nor a system column must come from one upstream only (the join would
 * otherwise have to invent `_right` names). Throws ColumnConfigurationError naming the columns and
 * upstreams.
 *
 * @example
 * checkColumnCollisions(plan, prepared);
 */
export function checkColumnCollisions(plan: FeaturePlan, prepared: readonly PreparedUpstream[]): void {
  if (prepared.length < 2) return;
  const owners = new Map<string, string[]>();
  for (const { dep, table } of prepared) {
    for (const f of table.schema.fields) {
      if (plan.joinColumns.includes(f.name) || ALL_SYSTEM_COLUMNS.includes(f.name)) continue;
      const list = owners.get(f.name) ?? [];
      list.push(dep.key.toString());
      owners.set(f.name, list);
    }
  }
  const colliding = [...owners].filter(([, keys]) => keys.length > 1);
  if (colliding.length > 0) {
    const detail = colliding.map(([c, keys]) => `"${c}" (from ${keys.map((k) => `"${k}"`).join(", ")})`);
    throw new ColumnConfigurationError(
      `versioning: column collisions across upstreams of "${plan.key}": ${detail.join(", ")}; ` +
        `only the join columns (${plan.joinColumns.join(", ")}) and system columns may be shared — add renames to the deps`,
    );
  }
}
