import { Field, type Table, type Vector } from "apache-arrow";
import { InvalidArgumentError } from "../errors.js";
import { assembleTable } from "./assemble-table.js";

/**
 * The table with `name` set to `vector`: replaced in place when the column exists (keeping its
 * position), appended otherwise. The vector must have one value per row (any length for a table
 * without columns).
 *
 * @example
 * withColumn(table, METAXY_UPDATED_AT, timestampVector(nowMicros(), table.numRows));
 */
export function withColumn(table: Table, name: string, vector: Vector): Table {
  const fields = table.schema.fields;
  const rows = fields.length === 0 ? vector.length : table.numRows;
  if (vector.length !== rows) {
    throw new InvalidArgumentError(
      `arrow: column "${name}" has ${vector.length} rows, the table has ${rows}`,
    );
  }
  const at = fields.findIndex((f) => f.name === name);
  const field = new Field(name, vector.type, true, at >= 0 ? fields[at]!.metadata : null);
  const newFields = at >= 0 ? fields.map((f, k) => (k === at ? field : f)) : [...fields, field];
  const vectors = fields.map((_, k) => (k === at ? vector : table.getChildAt(k)!));
  if (at < 0) vectors.push(vector);
  return assembleTable(newFields, vectors, rows, table.schema.metadata);
}
