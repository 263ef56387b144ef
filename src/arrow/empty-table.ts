import type { Schema, Table } from "apache-arrow";
import { assembleTable } from "./assemble-table.js";
import { nullVector } from "./null-vector.js";

/**
 * A zero-row table with the schema's fields, types and metadata; every column has one (empty)
 * chunk, so code reading `column.data[0]` works on it.
 *
 * @example
 * const none = emptyTable(stored.schema);
 */
export function emptyTable(schema: Schema): Table {
  return assembleTable(
    schema.fields,
    schema.fields.map((f) => nullVector(f.type, 0)),
    0,
    schema.metadata,
  );
}
