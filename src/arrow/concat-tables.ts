import { Field, type Schema, Table, Vector } from "apache-arrow";
import { assembleTable } from "./assemble-table.js";
import { canonicalType } from "./canonical-type.js";
import { castVector } from "./cast-vector.js";
import { emptyTable } from "./empty-table.js";
import { nullVector } from "./null-vector.js";
import { unifyTypes } from "./unify-types.js";

/**
 * Stacks tables vertically. Without `schema` the result has the union of their columns (in
 * first-seen order) with types unified by {@link unifyTypes} — a column a table lacks is null for
 * its rows, incompatible types are a MetadataSchemaError. With `schema` the result has exactly its
 * columns (missing ones null-filled, others dropped) converted to its types. Strings come out as
 * Utf8 and dictionaries decoded; the chunks of the inputs are kept (no copy when types already
 * match), so call `normalizeTable` if one chunk per column is needed.
 *
 * @example
 * const all = concatTables([stored, incoming]);
 */
export function concatTables(tables: readonly Table[], schema?: Schema): Table {
  if (tables.length === 0) return schema ? emptyTable(schema) : new Table();
  const fields = schema
    ? schema.fields.map((f) => f.clone({ type: canonicalType(f.type) }))
    : unifiedFields(tables);
  const total = tables.reduce((n, t) => n + t.numRows, 0);
  const vectors = fields.map(
    (field) =>
      new Vector(
        tables.flatMap((t) => {
          const column = t.getChild(field.name);
          return (column ? castVector(column, field.type, field.name) : nullVector(field.type, t.numRows))
            .data;
        }),
      ),
  );
  return assembleTable(fields, vectors, total, schema?.metadata ?? tables[0]!.schema.metadata);
}

function unifiedFields(tables: readonly Table[]): Field[] {
  const fields: Field[] = [];
  for (const table of tables) {
    for (const f of table.schema.fields) {
      const k = fields.findIndex((g) => g.name === f.name);
      if (k < 0) fields.push(f.clone({ type: canonicalType(f.type) }));
      else {
        const g = fields[k]!;
        fields[k] = new Field(
          g.name,
          unifyTypes(g.type, f.type, g.name),
          g.nullable || f.nullable,
          g.metadata,
        );
      }
    }
  }
  return fields.map((f) =>
    tables.every((t) => t.getChild(f.name) !== null) ? f : f.clone({ nullable: true }),
  );
}
