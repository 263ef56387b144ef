import { type Data, type Field, Schema, type Table } from "apache-arrow";
import { MetadataSchemaError } from "../../errors.js";
import { deltaFieldToArrow } from "./arrow-types.js";
import { tableFromColumns } from "./batches.js";
import { castData } from "./cast.js";
import type { DeltaStructType } from "./schema.js";

/**
 * Data about to be written, cast to the table's Arrow types (see `castData`) and ordered as the
 * table schema; table columns the data lacks are left out of the file (readers null-fill them).
 * `schema` must already include every data column (merge first). A non-nullable table column that
 * the data lacks, or holds nulls in, throws `MetadataSchemaError`.
 *
 * @example
 * const fileTable = conformForWrite(batch, mergeSchemas(snapshot.schema, arrowSchemaToDelta(batch.schema)).schema);
 */
export function conformForWrite(data: Table, schema: DeltaStructType): Table {
  const present = new Set(data.schema.fields.map((f) => f.name));
  const fields: Field[] = [];
  for (const column of schema.fields) {
    if (present.has(column.name)) fields.push(deltaFieldToArrow(column));
    else if (!column.nullable) {
      throw new MetadataSchemaError(
        `delta: column "${column.name}" is required (not nullable) but missing from the data`,
      );
    }
  }
  const batches = data.batches.filter((b) => b.numRows > 0);
  const columns: Data[][] = fields.map((field) =>
    batches.map((batch) => {
      const chunk = castData(batch.getChild(field.name)!.data[0]!, field.type, field.name);
      if (!field.nullable && chunk.nullCount > 0) {
        throw new MetadataSchemaError(
          `delta: column "${field.name}" is not nullable but the data holds ${chunk.nullCount} null(s)`,
        );
      }
      return chunk;
    }),
  );
  return tableFromColumns(
    new Schema(fields),
    columns,
    batches.map((b) => b.numRows),
  );
}
