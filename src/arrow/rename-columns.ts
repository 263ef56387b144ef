import type { Table } from "apache-arrow";
import { MetadataSchemaError } from "../errors.js";
import { assembleTable } from "./assemble-table.js";

/**
 * Renames columns in place (order kept, zero-copy). Every source name must exist, and the result
 * must not hold two columns of one name; both are MetadataSchemaErrors.
 *
 * @example
 * renameColumns(upstream, { [METAXY_PROVENANCE]: `${METAXY_PROVENANCE}__video_raw` });
 */
export function renameColumns(table: Table, mapping: Readonly<Record<string, string>>): Table {
  const names = table.schema.fields.map((f) => f.name);
  for (const from of Object.keys(mapping)) {
    if (!names.includes(from)) {
      throw new MetadataSchemaError(`arrow: no column "${from}" to rename (columns: ${names.join(", ")})`);
    }
  }
  const renamed = names.map((name) => (Object.hasOwn(mapping, name) ? mapping[name]! : name));
  const dup = renamed.find((name, k) => renamed.indexOf(name) !== k);
  if (dup !== undefined) throw new MetadataSchemaError(`arrow: renaming gives two columns named "${dup}"`);
  return assembleTable(
    table.schema.fields.map((f, k) => f.clone({ name: renamed[k]! })),
    table.schema.fields.map((_, k) => table.getChildAt(k)!),
    table.numRows,
    table.schema.metadata,
  );
}
