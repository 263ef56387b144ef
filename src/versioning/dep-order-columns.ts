import type { PlanDep } from "../models/plan.js";
import { depSelection } from "./dep-selection.js";

/**
 * The upstream id columns (renamed) that survive the dep's `select`, in the upstream's id order
 * (Python `selected_id_columns`): what aggregation lineage orders each group's values by.
 *
 * @example
 * depOrderColumns(plan.dep("sensor_readings")); // ["sensor_id", "reading_id"]
 */
export function depOrderColumns(dep: PlanDep): readonly string[] {
  const selection = depSelection(dep);
  return selection === null
    ? dep.renamedIdColumns
    : dep.renamedIdColumns.filter((c) => selection.includes(c));
}
