import { type Table, Vector } from "apache-arrow";
import { assembleTable } from "./assemble-table.js";
import { decodeDictionaries } from "./decode-dictionaries.js";
import { oneChunk } from "./take-column.js";

/**
 * The table with exactly one chunk per column and every dictionary decoded (string variants other
 * than dictionaries are kept). Columns that already comply are reused without copying. Useful
 * before handing columns to kernels.
 *
 * @example
 * const flat = normalizeTable(concatTables([a, b]));
 */
export function normalizeTable(table: Table): Table {
  return assembleTable(
    table.schema.fields,
    table.schema.fields.map((_, k) => new Vector([oneChunk(decodeDictionaries(table.getChildAt(k)!))])),
    table.numRows,
    table.schema.metadata,
  );
}
