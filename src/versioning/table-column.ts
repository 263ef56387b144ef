import type { Table, Vector } from "apache-arrow";
import { MetadataSchemaError } from "../errors.js";

/**
 * The named column of a table, or a MetadataSchemaError that says whose table (`where`) lacks it
 * and lists the columns it has.
 *
 * @example
 * const ids = tableColumn(expected, "sample_uid", "versioning: expected frame");
 */
export function tableColumn(table: Table, name: string, where: string): Vector {
  const column = table.getChild(name);
  if (column === null) {
    const names = table.schema.fields.map((f) => f.name).join(", ");
    throw new MetadataSchemaError(`${where} has no column "${name}" (columns: ${names})`);
  }
  return column;
}
