import { compareCodePoints } from "../../models/code-point-compare.js";
import type { Feature } from "../../models/feature.js";
import type { ColumnType } from "../../models/feature-schema.js";

/**
 * One column of an asset's schema.
 *
 * @example
 * const column: AssetColumn = { name: "path", type: "string" };
 */
export interface AssetColumn {
  readonly name: string;
  readonly type: ColumnType;
}

/**
 * The feature's declared user columns with their types, sorted by name (Python sorts the Dagster
 * table schema the same way); `[]` when the feature declares none.
 *
 * @example
 * columnSchema(video); // [{ name: "fps", type: "float64" }, { name: "path", type: "string" }]
 */
export function columnSchema(feature: Feature): AssetColumn[] {
  return Object.entries(feature.columns ?? {})
    .map(([name, type]) => ({ name, type }))
    .sort((a, b) => compareCodePoints(a.name, b.name));
}
