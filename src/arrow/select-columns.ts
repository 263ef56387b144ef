import type { Table } from "apache-arrow";
import { InvalidArgumentError, MetadataSchemaError } from "../errors.js";
import { assembleTable } from "./assemble-table.js";

/**
 * The named columns, in the given order (zero-copy). A missing column is a MetadataSchemaError
 * that lists the available ones; a name given twice is an InvalidArgumentError.
 *
 * @example
 * const keys = selectColumns(table, ["sample_uid", METAXY_PROVENANCE]);
 */
export function selectColumns(table: Table, names: readonly string[]): Table {
  if (new Set(names).size !== names.length) {
    throw new InvalidArgumentError(`arrow: select lists a column twice: ${names.join(", ")}`);
  }
  const fields = names.map((name) => {
    const field = table.schema.fields.find((f) => f.name === name);
    if (!field) {
      throw new MetadataSchemaError(
        `arrow: no column "${name}" to select (columns: ${table.schema.fields.map((f) => f.name).join(", ")})`,
      );
    }
    return field;
  });
  return assembleTable(
    fields,
    names.map((name) => table.getChild(name)!),
    table.numRows,
    table.schema.metadata,
  );
}
