import { ALL_SYSTEM_COLUMNS } from "../constants.js";
import { ColumnConfigurationError } from "../errors.js";
import type { FeaturePlan } from "../models/plan.js";
import { depSelection } from "./dep-selection.js";

const validated = new WeakSet<FeaturePlan>();

/**
 * Python's `validate_column_configuration` (metaxy-versioning §1.10), run before any upstream is
 * prepared: a rename target must not be a system column nor one of that upstream's id columns, a
 * dep must not rename two columns to one name, and among deps with `select`, a user column other
 * than an id column (renamed upstream ids and input id columns of any dep) must not be selected
 * twice. Throws ColumnConfigurationError; a plan that passed is remembered.
 *
 * @example
 * validateColumnConfiguration(graph.plan("video/faces"));
 */
export function validateColumnConfiguration(plan: FeaturePlan): void {
  if (validated.has(plan)) return;
  for (const dep of plan.deps) {
    const rename = dep.dep.rename;
    if (rename === null) continue;
    const where = `versioning: dep on "${dep.key}" of "${plan.key}"`;
    const targets = Object.entries(rename);
    for (const [from, to] of targets) {
      if (ALL_SYSTEM_COLUMNS.includes(to)) {
        throw new ColumnConfigurationError(
          `${where} renames "${from}" to the system column "${to}"; system columns: ${[...ALL_SYSTEM_COLUMNS].sort().join(", ")}`,
        );
      }
      if (dep.spec.idColumns.includes(to)) {
        throw new ColumnConfigurationError(
          `${where} renames "${from}" to "${to}", an id column of "${dep.key}" (${dep.spec.idColumns.join(", ")})`,
        );
      }
    }
    const names = targets.map(([, to]) => to);
    const duplicates = [...new Set(names.filter((n, k) => names.indexOf(n) !== k))].sort();
    if (duplicates.length > 0) {
      throw new ColumnConfigurationError(
        `${where} renames several columns to ${duplicates.map((d) => `"${d}"`).join(", ")}`,
      );
    }
  }
  const counts = new Map<string, number>();
  const idColumns = new Set<string>();
  for (const dep of plan.deps) {
    const selection = depSelection(dep);
    if (selection !== null) {
      const system = new Set(Object.values(dep.systemColumnRenames));
      for (const c of selection) if (!system.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    for (const c of dep.renamedIdColumns) idColumns.add(c);
    for (const c of dep.inputIdColumns) idColumns.add(c);
  }
  const repeated = [...counts]
    .filter(([c, n]) => n > 1 && !idColumns.has(c))
    .map(([c]) => c)
    .sort();
  if (repeated.length > 0) {
    throw new ColumnConfigurationError(
      `versioning: feature "${plan.key}" selects ${repeated.map((c) => `"${c}"`).join(", ")} from several deps; ` +
        `only id columns (${[...idColumns].sort().join(", ")}) may repeat — rename or drop them in the deps' select`,
    );
  }
  validated.add(plan);
}
