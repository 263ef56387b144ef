import { Field, Table, Vector } from "apache-arrow";
import { MetadataSchemaError } from "../errors.js";
import { assembleTable } from "./assemble-table.js";
import { buildData } from "./build-data.js";
import { describeValue, isPlainObject } from "./describe-value.js";
import { emptyTable } from "./empty-table.js";
import { inferType } from "./infer-type.js";
import { isByFieldColumn } from "./is-by-field-column.js";
import type { ToArrowOptions } from "./to-arrow-options.js";

/**
 * Builds an Arrow table from plain row objects. Columns are the union of the rows' keys in
 * first-seen order; a missing key is null. Types are inferred per column (integral numbers and
 * bigints → Int64, other numbers → Float64, string → Utf8, boolean → Bool, Date → Timestamp(µs, UTC),
 * plain object → Struct, all null → Null) unless `options.schema` names the column. No rows give
 * `emptyTable(options.schema)` (or a table without columns).
 *
 * @example
 * const t = rowsToTable([{ sample_uid: 1, path: "a.mp4" }]);
 */
export function rowsToTable(
  rows: readonly Readonly<Record<string, unknown>>[],
  options: ToArrowOptions = {},
): Table {
  if (rows.length === 0) return options.schema ? emptyTable(options.schema) : new Table();
  const names: string[] = [];
  const seen = new Set<string>();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!isPlainObject(row)) {
      throw new MetadataSchemaError(`arrow: row ${r} is not a plain object: ${describeValue(row)}`);
    }
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        names.push(key);
      }
    }
  }
  const hints = new Map(options.schema?.fields.map((f) => [f.name, f.type]));
  const vectors = names.map((name) => {
    const values = rows.map((row) => row[name]);
    const type =
      hints.get(name) ??
      inferType(values, name, { asMap: !!options.enableMapDatatype && isByFieldColumn(name) });
    return new Vector([buildData(values, type, { path: name })]);
  });
  return assembleTable(
    names.map((name, k) => new Field(name, vectors[k]!.type, true)),
    vectors,
    rows.length,
  );
}
