import type { FilterExpr } from "../filters/filter-expr.js";
import type { FeaturePlan } from "../models/plan.js";
import type { ResolveIncrementOptions } from "./resolve-increment.js";
import type { VersioningContext } from "./versioning-context.js";

/**
 * The {@link ResolveIncrementOptions} a plan implies: its join columns (for expansion lineage the
 * `on` columns), expansion when any dep has 1:N lineage, the context's kernels, and the given
 * staleness predicates.
 *
 * @example
 * const inc = resolveIncrement(expected, current, incrementOptions(plan, ctx, ["n > 3"]));
 */
export function incrementOptions(
  plan: FeaturePlan,
  ctx: VersioningContext,
  stalenessPredicates: readonly (string | FilterExpr)[] = [],
): ResolveIncrementOptions {
  return {
    joinColumns: plan.joinColumns,
    expansion: plan.deps.some((d) => d.lineage.kind === "expansion"),
    stalenessPredicates,
    kernels: ctx.kernels,
  };
}
