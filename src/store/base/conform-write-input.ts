import { Schema, type Table } from "apache-arrow";
import { isByFieldColumn } from "../../arrow/is-by-field-column.js";
import { type ArrowInput, toArrowTable } from "../../arrow/to-arrow-table.js";
import type { Feature } from "../../models/feature.js";
import { byFieldAsMap, withByFieldKind } from "./by-field-kind.js";

/**
 * Any accepted write input as an Arrow table that fits the stored table: the stored schema's types
 * win for the columns it has (so rows, whose types are inferred, append cleanly), except the
 * `*_by_field` columns, whose struct fields may grow with the feature's fields — only their kind
 * (Struct or Map) follows the stored table, else `enableMapDatatype`.
 *
 * @example
 * const table = await conformWriteInput(rows, feature, storedSchema, false);
 */
export async function conformWriteInput(
  data: ArrowInput,
  feature: Feature,
  stored: Schema | null,
  enableMapDatatype: boolean,
): Promise<Table> {
  const asMap = byFieldAsMap(stored, enableMapDatatype);
  const hint =
    stored === null ? undefined : new Schema(stored.fields.filter((f) => !isByFieldColumn(f.name)));
  const table = await toArrowTable(data, {
    ...(hint === undefined ? {} : { schema: hint }),
    enableMapDatatype: asMap,
  });
  return withByFieldKind(table, feature, asMap);
}
